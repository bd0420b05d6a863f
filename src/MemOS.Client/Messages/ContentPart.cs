using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>
/// One part of a multimodal message: text, an image or a document. Messages with an image or
/// document part are always processed asynchronously by MemOS.
/// </summary>
public sealed record ContentPart
{
    /// <summary>The part's type (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public required ContentPartType Type { get; init; }

    /// <summary>The text of a <see cref="ContentPartType.Text"/> part (<c>text</c>).</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The image of a <see cref="ContentPartType.ImageUrl"/> part (<c>image_url</c>).</summary>
    [JsonPropertyName("image_url")]
    public ImageUrlContent? ImageUrl { get; init; }

    /// <summary>The document of a <see cref="ContentPartType.File"/> part (<c>file</c>).</summary>
    [JsonPropertyName("file")]
    public FileContent? File { get; init; }

    /// <summary>Fields the SDK does not model, kept as received and sent back as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A text part.</summary>
    /// <param name="text">The text.</param>
    public static ContentPart FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new() { Type = ContentPartType.Text, Text = text };
    }

    /// <summary>An image part.</summary>
    /// <param name="url">A public URL or a data URI (<c>data:image/png;base64,…</c>).</param>
    public static ContentPart FromImageUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new() { Type = ContentPartType.ImageUrl, ImageUrl = new() { Url = url } };
    }

    /// <summary>A document part (PDF, DOCX, DOC, TXT, JSON, MD or XML).</summary>
    /// <param name="fileData">A public URL or the document's Base64 text.</param>
    public static ContentPart FromFile(string fileData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileData);
        return new() { Type = ContentPartType.File, File = new() { FileData = fileData } };
    }

    /// <summary>
    /// Checks part <paramref name="partIndex"/> of message <paramref name="messageIndex"/>; the name is formatted only
    /// for an error.
    /// </summary>
    internal void Validate(int messageIndex, int partIndex)
    {
        var missing = Type.Value switch
        {
            "text" when string.IsNullOrWhiteSpace(Text) => "text",
            "image_url" when string.IsNullOrWhiteSpace(ImageUrl?.Url) => "image_url.url",
            "file" when string.IsNullOrWhiteSpace(File?.FileData) => "file.file_data",
            "" => "type",
            _ => null,
        };
        if (missing is not null)
        {
            var field = $"messages[{messageIndex}].content[{partIndex}]";
            throw new ArgumentException($"{field}.{missing} is required for a '{Type.Value}' content part and must not "
                + "be empty or white space.", field);
        }
    }
}
