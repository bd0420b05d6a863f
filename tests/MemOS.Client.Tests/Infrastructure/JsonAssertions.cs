using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemOS.Client.Tests.Infrastructure;

public static class JsonAssertions
{
    /// <summary>
    /// The same JSON value: same keys (so no stray nulls), same values, any key order.
    /// On failure both documents are shown.
    /// </summary>
    public static void ShouldBeJsonEquivalentTo(this JsonNode? actual, JsonNode? expected)
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(
            "the SDK must send exactly the documented body.\nSent:\n{0}\nExpected:\n{1}",
            actual?.ToJsonString(options), expected?.ToJsonString(options));
    }
}
