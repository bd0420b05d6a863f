using System.Text;
using MemOS.Client.Memories;

namespace MemOS.Client.Tests;

/// <summary>
/// Open enums reuse the values they have read (a search repeats a memory's type and status on every
/// memory) and still read every value as sent: more distinct values than are kept, escaped text,
/// and numbers.
/// </summary>
public sealed class OpenEnumReadingTests
{
    [Fact]
    public async Task A_value_read_again_is_the_same_text_and_every_value_reads_as_sent()
    {
        // Forty distinct statuses, more than the converter keeps, then the same ones again.
        var statuses = Enumerable.Range(0, 40).Select(i => $"\"status_{i}\"").ToList();
        statuses.AddRange(statuses);
        statuses.Add("\"activ\\u0061ted\"");
        statuses.Add("7");
        var memories = statuses.Select((status, i) =>
            $$"""{"id":"m{{i}}","memory_type":"WorkingMemory","status":{{status}}}""");
        var body = """{"code":0,"message":"ok","data":{"memory_detail_list":[""" + string.Join(",", memories) + "]}}";
        await using var server = await LoopbackServer.RespondingWith(Encoding.UTF8.GetBytes(body));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("u", "q");

        var expected = Enumerable.Range(0, 40).Select(i => $"status_{i}").ToList();
        expected.AddRange(expected);
        expected.Add("activated");
        expected.Add("7");
        result.Memories.Select(m => m.Status?.Value).Should().Equal(expected);
        result.Memories.Should().OnlyContain(m => m.MemoryType == MemoryType.WorkingMemory);

        // The repeated type is one string, not one per memory.
        var types = result.Memories.Select(m => m.MemoryType!.Value.Value).ToList();
        types.Should().OnlyContain(type => ReferenceEquals(type, types[0]));
    }
}
