using System.Net;
using System.Text;
using MemOS.Client.Chat;
using MemOS.Client.Messages;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// Each fault the README's resilience table lists, against a real loopback server: the exception
/// (or the success after a retry), the number of attempts the server saw, and an upper bound on
/// the time taken so that a hang fails the test instead of stalling the run.
/// </summary>
public sealed class FaultInjectionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private static readonly byte[] SearchOk = Fixture.Bytes("search_memory.response.multimodal.json");
    private static readonly byte[] AddOk = Fixture.Bytes("add_message.response.json");

    private static Task<Memories.SearchMemoryResult> Read(MemOSClient client) => client.SearchMemoryAsync("u", "q");

    private static Task<Messages.AddMessageResult> Write(MemOSClient client) => client.AddMessageAsync("u", "c", [MemOSMessage.User("I choose 7 Days Inn.")]);

    /// <summary>Serves the given faults in order, then the last one for every later attempt.</summary>
    private static Task<LoopbackServer> Serving(params Func<HttpContext, Task>[] attempts)
    {
        var calls = 0;
        return LoopbackServer.StartAsync(context => attempts[Math.Min(Interlocked.Increment(ref calls) - 1, attempts.Length - 1)](context));
    }

    private static Func<HttpContext, Task> Ok(byte[] body) => context => Respond.Bytes(context, body);

    private static Func<HttpContext, Task> Status(int status, string body = """{"code":50000,"message":"boom"}""", string contentType = "application/json")
        => context => Respond.Text(context, body, status, contentType);

    private static Task ResetBeforeResponse(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private static async Task ResetMidBody(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 1000;
        await context.Response.Body.WriteAsync("""{"code":0,"data":{"memory_detail_list":["""u8.ToArray());
        await context.Response.Body.FlushAsync();
        context.Abort();
    }

    private static async Task Stall(HttpContext context)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task Connection_refused_is_retried_even_for_writes_and_reported_as_never_applied()
    {
        int port;
        await using (var gone = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
        {
            port = gone.BaseUrl.Port;
        }

        var logs = new CapturingLoggerProvider();
        using var client = new MemOSClient(new MemOSClientOptions
        {
            ApiKey = LoopbackServer.ApiKey,
            BaseUrl = new Uri($"http://127.0.0.1:{port}/api/openmem/v1"),
            TimeProvider = new AutoAdvancingTimeProvider(),
            LoggerFactory = logs,
        });

        var act = () => Write(client).WaitAsync(Bound);

        var error = (await act.Should().ThrowAsync<MemOSConnectionException>()).Which;
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        logs.Lines.Should().HaveCount(2, "two retries follow the first refused attempt");
    }

    [Fact]
    public async Task A_reset_before_the_response_is_retried_for_reads_but_not_for_writes()
    {
        await using var server = await Serving(ResetBeforeResponse, Ok(SearchOk));
        using var client = server.CreateClient();
        (await Read(client).WaitAsync(Bound)).Memories.Should().HaveCount(2);
        server.Requests.Should().HaveCount(2);

        await using var writes = await Serving(ResetBeforeResponse, Ok(AddOk));
        using var writer = writes.CreateClient();
        var act = () => Write(writer).WaitAsync(Bound);
        var error = (await act.Should().ThrowAsync<MemOSConnectionException>()).Which;
        error.WriteMayHaveBeenApplied.Should().BeTrue();
        writes.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_reset_mid_body_is_retried_for_reads_but_not_for_writes()
    {
        await using var server = await Serving(ResetMidBody, ResetMidBody, Ok(SearchOk));
        using var client = server.CreateClient();
        (await Read(client).WaitAsync(Bound)).Memories.Should().HaveCount(2);
        server.Requests.Should().HaveCount(3);

        await using var writes = await Serving(ResetMidBody, Ok(AddOk));
        using var writer = writes.CreateClient();
        var act = () => Write(writer).WaitAsync(Bound);
        (await act.Should().ThrowAsync<MemOSConnectionException>()).Which.WriteMayHaveBeenApplied.Should().BeTrue();
        writes.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_reset_mid_stream_throws_a_stream_exception_after_one_attempt()
    {
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"partial"}""");
            await firstReceived.Task.WaitAsync(Bound);
            context.Abort();
        });
        using var client = server.CreateClient();

        var act = async () =>
        {
            await foreach (var _ in client.ChatStreamAsync("u", "c", "hi"))
            {
                firstReceived.TrySetResult();
            }
        };

        var error = (await act.Should().ThrowAsync<MemOSStreamException>().WaitAsync(Bound)).Which;
        error.WriteMayHaveBeenApplied.Should().BeTrue("the service had the query and may write the turn");
        server.Requests.Should().HaveCount(1);
    }

    // Long enough that every attempt reaches the server even when the whole suite loads the
    // machine, so the count of attempts it saw is exact; short enough to keep the test quick.
    private static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_stall_before_headers_times_out_each_attempt_and_only_reads_retry()
    {
        await using var server = await Serving(Stall);
        using var reader = server.CreateClient(o =>
        {
            o.TimeProvider = null;
            o.Retry = new MemOSRetryOptions { AttemptTimeout = AttemptLimit, BaseDelay = TimeSpan.Zero, UseJitter = false };
        });

        var read = () => reader.SearchMemoryAsync("u", "q").WaitAsync(Bound);
        var readError = (await read.Should().ThrowAsync<MemOSTimeoutException>()).Which;
        readError.IsTransient.Should().BeTrue();
        readError.Message.Should().Contain("timed out after 1 s").And.Contain("MemOS:Retry:AttemptTimeout").And.NotContain("applied");
        server.Requests.Should().HaveCount(3);

        await using var writes = await Serving(Stall);
        using var writer = writes.CreateClient(o =>
        {
            o.TimeProvider = null;
            o.Retry = new MemOSRetryOptions { AttemptTimeout = AttemptLimit, BaseDelay = TimeSpan.Zero, UseJitter = false };
        });
        var write = () => Write(writer).WaitAsync(Bound);
        var writeError = (await write.Should().ThrowAsync<MemOSTimeoutException>()).Which;
        writeError.WriteMayHaveBeenApplied.Should().BeTrue();
        writeError.Message.Should().Contain("timed out after 1 s").And.Contain("MemOS:Retry:AttemptTimeout").And.Contain("may still have been applied");
        writes.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_stall_mid_stream_ends_with_a_timeout_after_one_attempt()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"partial"}""");
            await Stall(context);
        });
        using var client = server.CreateClient(o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(200));

        var act = async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        (await act.Should().ThrowAsync<MemOSTimeoutException>().WaitAsync(Bound)).Which.WriteMayHaveBeenApplied.Should().BeTrue();
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Http_429_with_retry_after_in_seconds_is_waited_out_and_retried_even_for_writes()
    {
        await using var server = await Serving(context =>
        {
            context.Response.Headers.RetryAfter = "3";
            return Respond.Text(context, """{"detail":"slow down"}""", 429);
        }, Ok(AddOk));
        var clock = new AutoAdvancingTimeProvider();
        using var client = server.CreateClient(o => o.TimeProvider = clock);

        var result = await Write(client).WaitAsync(Bound);

        result.Success.Should().BeTrue();
        server.Requests.Should().HaveCount(2);
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Http_429_with_retry_after_as_a_date_is_waited_out()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var server = await Serving(context =>
        {
            context.Response.Headers.RetryAfter = clock.GetUtcNow().AddSeconds(5).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return Respond.Text(context, """{"detail":"slow down"}""", 429);
        }, Ok(SearchOk));
        using var client = server.CreateClient(o => o.TimeProvider = clock);

        (await Read(client).WaitAsync(Bound)).Memories.Should().HaveCount(2);

        server.Requests.Should().HaveCount(2);
        clock.Elapsed.Should().BeCloseTo(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_clamp_fails_at_once_with_the_wait()
    {
        await using var server = await Serving(context =>
        {
            context.Response.Headers.RetryAfter = "120";
            return Respond.Text(context, """{"detail":"slow down"}""", 429);
        });
        var clock = new AutoAdvancingTimeProvider();
        using var client = server.CreateClient(o => o.TimeProvider = clock);

        var act = () => Write(client).WaitAsync(Bound);

        var error = (await act.Should().ThrowAsync<MemOSRateLimitException>()).Which;
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        server.Requests.Should().HaveCount(1);
        clock.Elapsed.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task Http_200_carrying_40309_is_retried_even_for_writes()
    {
        await using var server = await Serving(Status(200, """{"code":40309,"message":"token window exceeded","data":null}"""), Ok(AddOk));
        using var client = server.CreateClient();

        var result = await Write(client).WaitAsync(Bound);

        result.TaskId.Should().NotBeNull();
        server.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_retried_for_reads_and_surface_once_for_writes(int status)
    {
        await using var server = await Serving(Status(status), Status(status), Ok(SearchOk));
        using var client = server.CreateClient();
        (await Read(client).WaitAsync(Bound)).Memories.Should().HaveCount(2);
        server.Requests.Should().HaveCount(3);

        await using var writes = await Serving(Status(status), Ok(AddOk));
        using var writer = writes.CreateClient();
        var act = () => Write(writer).WaitAsync(Bound);
        var error = (await act.Should().ThrowAsync<MemOSServerException>()).Which;
        error.HttpStatus.Should().Be((HttpStatusCode)status);
        error.WriteMayHaveBeenApplied.Should().BeTrue();
        writes.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Transient_codes_inside_http_200_are_retried_for_reads_until_the_attempts_run_out()
    {
        await using var server = await Serving(Status(200, """{"code":50004,"message":"memory service unavailable"}"""));
        using var client = server.CreateClient();

        var act = () => client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        (await act.Should().ThrowAsync<MemOSServerException>()).Which.Code.Should().Be(50004);
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task An_html_error_page_is_retried_for_reads_then_reported_as_a_server_error()
    {
        await using var server = await Serving(Status(502, "<html><h1>502 Bad Gateway</h1></html>", "text/html"));
        using var client = server.CreateClient();

        var act = () => client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        (await act.Should().ThrowAsync<MemOSServerException>()).Which.Message.Should().NotContain("<html>");
        server.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("{\"code\":0,\"data\":{\"memory_detail_list\":[{\"id\":")]
    [InlineData("{not json")]
    public async Task Malformed_or_truncated_json_is_not_retried(string body)
    {
        await using var server = await Serving(Status(200, body));
        using var client = server.CreateClient();

        var act = () => client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        (await act.Should().ThrowAsync<MemOSException>()).Which.Message.Should().Contain("not valid JSON");
        server.Requests.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_body_is_refused_without_buffering_it_all(bool withLength)
    {
        const int size = 17 * 1024 * 1024;
        await using var server = await Serving(async context =>
        {
            context.Response.ContentType = "application/json";
            if (withLength)
            {
                context.Response.ContentLength = size;
            }

            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (var written = 0; written < size && !context.RequestAborted.IsCancellationRequested; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        using var client = server.CreateClient();

        var act = () => client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        (await act.Should().ThrowAsync<MemOSException>()).Which.Message.Should().Contain("larger than the 16 MB");
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task An_error_event_fails_the_stream_after_one_attempt()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"error","content":"model crashed"}""");
        });
        using var client = server.CreateClient();

        var act = async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        (await act.Should().ThrowAsync<MemOSStreamException>().WaitAsync(Bound)).Which.ServerMessage.Should().Be("model crashed");
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_retried_delete_that_finds_the_memory_gone_succeeds_but_a_first_attempt_not_found_still_throws()
    {
        var notFound = Status(200, """{"code":40307,"message":"memory does not exist"}""");
        await using var server = await Serving(Status(503), notFound);
        using var client = server.CreateClient();

        var result = await client.DeleteMemoryAsync(new Memories.DeleteMemoryRequest { MemoryIds = ["m1"] }).WaitAsync(Bound);

        result.Success.Should().BeTrue();
        server.Requests.Should().HaveCount(2);

        await using var missing = await Serving(notFound);
        using var other = missing.CreateClient();
        var act = () => other.DeleteMemoryAsync(new Memories.DeleteMemoryRequest { MemoryIds = ["m1"] }).WaitAsync(Bound);
        (await act.Should().ThrowAsync<MemOSNotFoundException>()).Which.Code.Should().Be(40307);

        await using var limited = await Serving(Status(429, """{"detail":"slow"}"""), notFound);
        using var third = limited.CreateClient();
        var afterRateLimit = () => third.DeleteMemoryAsync(new Memories.DeleteMemoryRequest { MemoryIds = ["m1"] }).WaitAsync(Bound);
        await afterRateLimit.Should().ThrowAsync<MemOSNotFoundException>("a rate-limited attempt deleted nothing, so not-found is real");
    }

    [Fact]
    public async Task A_delete_retried_after_a_refused_connection_still_reports_not_found()
    {
        // The first attempt goes to a closed port; the retry cannot reach another server, so the
        // refusal is followed by more refusals: what matters is that none counts as possibly applied.
        int port;
        await using (var gone = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
        {
            port = gone.BaseUrl.Port;
        }

        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"), TimeProvider = new AutoAdvancingTimeProvider() });
        var act = () => client.DeleteMemoryAsync(new Memories.DeleteMemoryRequest { MemoryIds = ["m1"] }).WaitAsync(Bound);

        (await act.Should().ThrowAsync<MemOSConnectionException>()).Which.WriteMayHaveBeenApplied.Should().BeFalse();
    }

    [Fact]
    public async Task A_thousand_failed_calls_leave_no_connection_open()
    {
        var faults = new Func<HttpContext, Task>[] { Status(503), Status(200, "{broken"), Status(200, """{"code":40132,"message":"bad key"}"""), ResetMidBody };
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context => faults[Interlocked.Increment(ref calls) % faults.Length](context));
        var client = server.CreateClient(o => o.Retry = new MemOSRetryOptions { MaxRetries = 1, AttemptTimeout = Timeout.InfiniteTimeSpan });

        var failures = 0;
        for (var i = 0; i < 1000; i++)
        {
            try
            {
                await client.SearchMemoryAsync("u", "q").WaitAsync(Bound);
            }
            catch (MemOSException)
            {
                failures++;
            }
        }

        failures.Should().Be(1000);
        // Sequential calls reuse one pooled connection when every response is disposed; the one a
        // reset has just aborted may still be closing on the server's side.
        await server.Connections.AtMostOpenAsync(1, Bound);
        client.Dispose();
        await server.Connections.AllClosedAsync(Bound);
        server.Connections.Open.Should().Be(0);
    }

    [Fact]
    public async Task Retries_are_logged_one_line_each_and_nothing_logged_or_thrown_contains_the_key()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await Serving(Status(503), Status(200, """{"code":40309,"message":"slow"}"""), Ok(SearchOk));
        using var client = server.CreateClient(o => o.LoggerFactory = logs);
        await client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        await using var failing = await Serving(context => Respond.Text(context, $$"""{"code":50000,"message":"echo {{context.Request.Headers.Authorization}}"}""", 500));
        using var failingClient = failing.CreateClient(o => o.LoggerFactory = logs);
        var error = await FluentActions.Invoking(() => failingClient.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSException>();

        var lines = logs.Lines.ToArray();
        lines.Should().HaveCount(4);
        lines[0].Message.Should().MatchRegex(@"^MemOS search/memory attempt 1 failed \(HTTP 503, code 50000\); retrying in \d+ ms$");
        lines[1].Message.Should().Contain("attempt 2").And.Contain("code 40309");
        lines.Should().OnlyContain(l => l.State.Any(kv => kv.Key == "Operation") && l.State.Any(kv => kv.Key == "DelayMs"));
        foreach (var text in lines.Select(l => l.Message).Append(error.Which.ToString()))
        {
            text.Should().NotContain(LoopbackServer.ApiKey);
        }
    }
}
