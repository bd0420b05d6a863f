using System.Text;
using System.Text.Json.Nodes;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>What the loopback server received, byte for byte.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonNode? BodyJson => JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
