using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Answers;

namespace MemOS.Client;

/// <summary>The <c>data</c> of endpoints that answer only whether they succeeded (<c>{"success": true}</c>).</summary>
public sealed record SuccessResult : IOperationOutcome
{
    /// <summary>
    /// Whether the operation succeeded; a <c>false</c> here is thrown as an error, so a returned result means true
    /// (<c>success</c>).
    /// </summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    bool? IOperationOutcome.Success => Success;

    string? IOperationOutcome.OutcomeStatus => null;
}
