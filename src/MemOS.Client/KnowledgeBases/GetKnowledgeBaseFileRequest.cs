using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// The body of <c>POST /get/knowledgebase-file</c>. Exactly one mode: details of <see cref="FileIds"/>, or a page of
/// <see cref="KnowledgeBaseId"/>'s files.
/// </summary>
public sealed record GetKnowledgeBaseFileRequest : IValidatedRequest
{
    /// <summary>Files to describe (<c>file_ids</c>).</summary>
    [JsonPropertyName("file_ids")]
    public IReadOnlyList<string>? FileIds { get; init; }

    /// <summary>The knowledge base to list (<c>knowledgebase_id</c>).</summary>
    [JsonPropertyName("knowledgebase_id")]
    public string? KnowledgeBaseId { get; init; }

    /// <summary>Only files of this kind (listing only) (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public KnowledgeBaseFileType? Type { get; init; }

    /// <summary>The page, from 1 (listing only; service default 1) (<c>page</c>).</summary>
    [JsonPropertyName("page")]
    public int? Page { get; init; }

    /// <summary>Files per page (listing only; service default 20) (<c>page_size</c>).</summary>
    [JsonPropertyName("page_size")]
    public int? PageSize { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.ExactlyOne("file_ids or knowledgebase_id", FileIds, KnowledgeBaseId);
        if (FileIds is { Count: 0 })
        {
            throw new ArgumentException("file_ids must hold at least one id.", nameof(FileIds));
        }

        if (FileIds is not null && (Type is not null || Page is not null || PageSize is not null))
        {
            throw new ArgumentException("type, page and page_size apply only when listing a knowledge base, not with "
                + "file_ids.", nameof(FileIds));
        }

        Guard.Range(Page, 1, int.MaxValue, "page");
        Guard.Range(PageSize, 1, int.MaxValue, "page_size");
    }
}
