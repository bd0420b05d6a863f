using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>The <c>data</c> of a get/message answer.</summary>
public sealed record GetMessageResult
{
    /// <summary>The conversation's messages (<c>message_detail_list</c>).</summary>
    [JsonPropertyName("message_detail_list")]
    public IReadOnlyList<MessageDetail> Messages { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
