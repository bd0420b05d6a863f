using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Tasks;

/// <summary>The body of <c>POST /get/status</c>.</summary>
internal sealed record GetStatusRequest : IValidatedRequest
{
    /// <summary>The task (<c>task_id</c>).</summary>
    [JsonPropertyName("task_id")]
    public required string TaskId { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(TaskId, "task_id");
    }
}
