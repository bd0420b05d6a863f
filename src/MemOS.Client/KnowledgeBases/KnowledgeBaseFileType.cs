using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// The kind of a knowledge-base file (<c>type</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<KnowledgeBaseFileType>))]
public readonly record struct KnowledgeBaseFileType : IStringValue<KnowledgeBaseFileType>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public KnowledgeBaseFileType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>A document: PDF, DOCX, DOC, TXT, JSON, MD or XML. (<c>document</c>)</summary>
    public static KnowledgeBaseFileType Document { get; } = new("document");

    /// <summary>
    /// A Skill: a <c>.md</c> file with name and description front matter, or a <c>.zip</c> with <c>SKILL.md</c> at its
    /// root. (<c>skill</c>)
    /// </summary>
    public static KnowledgeBaseFileType Skill { get; } = new("skill");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator KnowledgeBaseFileType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static KnowledgeBaseFileType IStringValue<KnowledgeBaseFileType>.Create(string value) => new(value);
}
