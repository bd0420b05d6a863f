using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Messages;

/// <summary>
/// The <c>content</c> of a message: a plain string or a list of <see cref="ContentPart"/>s.
/// A string converts implicitly.
/// </summary>
[JsonConverter(typeof(MessageContentConverter))]
public sealed record MessageContent
{
    private MessageContent(string? text, IReadOnlyList<ContentPart>? parts)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>The content when it is a plain string; otherwise <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>The content when it is a list of parts; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<ContentPart>? Parts { get; }

    /// <summary>Plain text content, sent as a JSON string.</summary>
    /// <param name="text">The text.</param>
    public static MessageContent FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text, null);
    }

    /// <summary>Multimodal content, sent as an array of parts.</summary>
    /// <param name="parts">The parts, at least one.</param>
    public static MessageContent FromParts(params ContentPart[] parts) => FromParts((IEnumerable<ContentPart>)parts);

    /// <summary>Multimodal content, sent as an array of parts.</summary>
    /// <param name="parts">The parts, at least one.</param>
    public static MessageContent FromParts(IEnumerable<ContentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Content needs at least one part.", nameof(parts));
        }

        foreach (var part in list)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        return new(null, list);
    }

    /// <summary>Converts plain text.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator MessageContent(string text) => FromText(text);

    /// <inheritdoc />
    public bool Equals(MessageContent? other)
        => other is not null
           && string.Equals(Text, other.Text, StringComparison.Ordinal)
           && (Parts is null ? other.Parts is null : other.Parts is not null && Parts.SequenceEqual(other.Parts));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, Parts?.Count);

    /// <summary>The text, or the text parts joined by new lines.</summary>
    public override string ToString()
        => Text ?? string.Join("\n", Parts!.Where(p => p.Text is not null).Select(p => p.Text));
}
