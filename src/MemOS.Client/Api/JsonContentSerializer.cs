using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace MemOS.Client.Api;

/// <summary>
/// Request bodies for the Refit interfaces, serialized through a source-generated context into
/// one buffer: the request has a <c>Content-Length</c>, can be sent again on retry, and is labelled
/// <c>application/json</c> as the service documents it. Answers are never read through Refit.
/// </summary>
internal sealed class JsonContentSerializer(JsonSerializerOptions options)
    : IHttpContentSerializer, ISynchronousContentSerializer
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new(MediaTypes.Json);

    public HttpContent ToHttpContent<T>(T item) => ToHttpContentSynchronous(item);

    public HttpContent ToHttpContentSynchronous<T>(T item)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, TypeInfo<T>()));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    public HttpContent ToStreamingHttpContent<T>(T item) => ToHttpContentSynchronous(item);

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, TypeInfo<T>(), cancellationToken).ConfigureAwait(false);
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo)
        => propertyInfo.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
