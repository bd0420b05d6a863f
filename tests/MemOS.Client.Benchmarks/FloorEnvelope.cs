using System.Text.Json.Serialization;

namespace MemOS.Client.Benchmarks;

/// <summary>The <c>{code, message, data}</c> wrapper as a lean client would read it: in one pass, with the data typed.</summary>
internal sealed class FloorEnvelope<TData>
{
    [JsonPropertyName("code")]
    public double? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("data")]
    public TData? Data { get; set; }
}
