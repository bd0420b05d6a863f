using System.Text.Json.Serialization;

namespace MemOS.Client.Transport;

/// <summary>
/// The <c>{code, message, data}</c> wrapper of every cloud answer (SPEC §3.1). The data type is
/// known per endpoint, so the envelope is read in one pass with no intermediate document.
/// </summary>
internal sealed class MemOSEnvelope<TData>
{
    // Some schema versions type code as a number, so 0.0 must read as 0.
    [JsonPropertyName("code")]
    public double? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("data")]
    public TData? Data { get; set; }
}
