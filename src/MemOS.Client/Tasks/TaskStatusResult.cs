using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Tasks;

/// <summary>
/// The state of an asynchronous task (get/status). A <c>failed</c> status is an answer, not an error, here;
/// <see cref="MemOSTaskExtensions.WaitForTaskAsync"/> turns it into <see cref="MemOSTaskFailedException"/>.
/// </summary>
public sealed record TaskStatusResult
{
    /// <summary>The task (<c>task_id</c>).</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary><c>running</c>, <c>completed</c> or <c>failed</c> (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemOSTaskStatus? Status { get; init; }

    /// <summary>What the task changed, once completed (<c>memory_views</c>).</summary>
    [JsonPropertyName("memory_views")]
    public TaskMemoryViews? MemoryViews { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
