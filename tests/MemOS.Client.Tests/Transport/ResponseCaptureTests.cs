using System.Net;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests.Transport;

public sealed class ResponseCaptureTests
{
    private static Task Answer(HttpContext context, string traceId)
    {
        context.Response.Headers["traceid"] = traceId;
        return Respond.Text(context, """{"code":0,"message":"ok","data":{"memory_detail_list":[]}}""");
    }

    [Fact]
    public async Task A_capture_gives_the_trace_id_and_status_of_successful_calls()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context => Answer(context, $"trace-{Interlocked.Increment(ref calls)}"));
        using var client = server.CreateClient();

        using var capture = MemOSResponseCapture.Start();
        await client.SearchMemoryAsync("u", "q");
        await client.SearchMemoryAsync("u", "q");

        capture.Responses.Select(response => response.TraceId).Should().Equal("trace-1", "trace-2");
        capture.Last.Should().Be(new MemOSResponseInfo("search/memory", HttpStatusCode.OK, 0, "trace-2"));
    }

    [Fact]
    public async Task Calls_outside_the_capture_or_after_it_are_not_recorded()
    {
        await using var server = await LoopbackServer.StartAsync(context => Answer(context, "trace-x"));
        using var client = server.CreateClient();

        await client.SearchMemoryAsync("u", "q");
        var capture = MemOSResponseCapture.Start();
        capture.Dispose();
        await client.SearchMemoryAsync("u", "q");

        capture.Responses.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_call_is_not_recorded_as_an_answer()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":40000,"message":"bad"}"""));
        using var client = server.CreateClient();

        using var capture = MemOSResponseCapture.Start();
        await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSValidationException>();

        capture.Last.Should().BeNull();
    }
}
