using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>
/// The body of <c>POST /bind/profile_template</c>: binds templates to users or agents. Binding does not back-fill from
/// past conversations.
/// </summary>
public sealed record BindProfileTemplateRequest : IValidatedRequest
{
    /// <summary>The bindings, at most 20 (<c>bind_list</c>).</summary>
    [JsonPropertyName("bind_list")]
    public required IReadOnlyList<ProfileBinding> BindList { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(BindList, "bind_list");
        Guard.Range(BindList.Count, 1, MemOSLimits.MaxGroupIds, "bind_list (number of bindings)");
        for (var i = 0; i < BindList.Count; i++)
        {
            var binding = BindList[i] ?? throw new ArgumentException(
                $"bind_list[{i}] must not be null.",
                nameof(BindList));
            Guard.Required(binding.ProfileTemplateId, $"bind_list[{i}].profile_template_id");
            Guard.ExactlyOne($"bind_list[{i}].user_id or agent_id", binding.UserId, binding.AgentId);
        }
    }
}
