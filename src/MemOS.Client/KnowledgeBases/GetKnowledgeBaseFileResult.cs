using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// The <c>data</c> of a get/knowledgebase-file answer; the paging fields come only when listing a knowledge base.
/// </summary>
public sealed record GetKnowledgeBaseFileResult
{
    /// <summary>The files (<c>file_detail_list</c>).</summary>
    [JsonPropertyName("file_detail_list")]
    public IReadOnlyList<KnowledgeBaseFileDetail> Files
    {
        get => field ?? [];
        init => field = ResultList.WithoutNulls(value);
    }

    /// <summary>How many files there are (<c>total</c>).</summary>
    [JsonPropertyName("total")]
    public int? Total { get; init; }

    /// <summary>This page, from 1 (<c>page</c>).</summary>
    [JsonPropertyName("page")]
    public int? Page { get; init; }

    /// <summary>Files per page (<c>page_size</c>).</summary>
    [JsonPropertyName("page_size")]
    public int? PageSize { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
