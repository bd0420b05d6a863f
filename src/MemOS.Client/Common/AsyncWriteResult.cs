using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Answers;

namespace MemOS.Client;

/// <summary>What an asynchronous write answers: whether it was accepted and the task that processes it.</summary>
public abstract record AsyncWriteResult : IOperationOutcome
{
    private protected AsyncWriteResult()
    {
    }

    /// <summary>Whether the service accepted the write (<c>success</c>).</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>
    /// The processing task, for get/status and <see cref="Tasks.MemOSTaskExtensions.WaitForTaskAsync"/>; older service
    /// versions do not send it (<c>task_id</c>).
    /// </summary>
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
