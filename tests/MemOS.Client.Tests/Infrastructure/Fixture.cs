using System.Text;
using System.Text.Json.Nodes;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>The example bodies of the MemOS docs, copied byte for byte into Fixtures/.</summary>
public static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonNode Json(string name) => JsonNode.Parse(Bytes(name))!;

    /// <summary>Wraps a verbatim data fragment (not an envelope) in a success envelope, leaving its bytes untouched.</summary>
    public static byte[] AsEnvelopeData(string name)
        => [.. "{\"code\":0,\"message\":\"ok\",\"data\":"u8, .. Bytes(name), .. "}"u8];

    public static IEnumerable<object[]> Names(string prefix)
        => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), prefix + "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Fixtures"), path))
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name });
}
