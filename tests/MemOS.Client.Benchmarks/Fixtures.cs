using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace MemOS.Client.Benchmarks;

/// <summary>The example bodies of the MemOS docs (tests/MemOS.Client.Tests/Fixtures), embedded in this assembly.</summary>
internal static class Fixtures
{
    public static byte[] Bytes(string name)
    {
        using var resource = typeof(Fixtures).Assembly.GetManifestResourceStream(name)
                             ?? throw new InvalidOperationException($"Fixture {name} is not embedded; see the csproj.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Wraps a verbatim data fragment in a success envelope, as the tests do, leaving its bytes untouched.</summary>
    public static byte[] AsEnvelopeData(string name) => [.. "{\"code\":0,\"message\":\"ok\",\"data\":"u8, .. Bytes(name), .. "}"u8];

    /// <summary>
    /// Reads a request fixture into the SDK's request type and checks that the SDK writes it back
    /// as the same JSON, so the floor's pre-serialized bytes and the SDK's body say the same thing.
    /// </summary>
    public static T Request<T>(string name, JsonTypeInfo<T> info)
    {
        var bytes = Bytes(name);
        var request = JsonSerializer.Deserialize(bytes, info) ?? throw new InvalidOperationException($"{name} is null.");
        if (!JsonNode.DeepEquals(JsonNode.Parse(bytes), JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(request, info))))
        {
            throw new InvalidOperationException($"The SDK does not write {name} back as the same JSON; the benchmark would compare different requests.");
        }

        return request;
    }
}
