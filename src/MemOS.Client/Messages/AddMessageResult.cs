using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Transport;

namespace MemOS.Client.Messages;

/// <summary>The <c>data</c> of an add/message answer.</summary>
public sealed record AddMessageResult : IOperationOutcome
{
    /// <summary>Whether the service accepted the messages (<c>success</c>).</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>The processing task, for get/status (<c>task_id</c>). Older service versions do not send it.</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary><c>running</c> in async mode, <c>completed</c> in sync mode (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemOSTaskStatus? Status { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    string? IOperationOutcome.OutcomeStatus => Status?.Value;
}
