using System.Net;
using MemOS.Client.Messages;

namespace MemOS.Client.Tests;

public sealed class ErrorTests
{
    private static async Task<MemOSException> CallAgainst(Func<Microsoft.AspNetCore.Http.HttpContext, Task> handler)
    {
        await using var server = await LoopbackServer.StartAsync(handler);
        using var client = server.CreateClient();
        var act = () => client.SearchMemoryAsync("u", "q");
        return (await act.Should().ThrowAsync<MemOSException>()).Which;
    }

    [Theory]
    [InlineData(40000, typeof(MemOSValidationException), false, "invalid request parameters")]
    [InlineData(40305, typeof(MemOSRequestTooLargeException), false, "single-request token limit")]
    [InlineData(40309, typeof(MemOSRateLimitException), true, "per-time-window")]
    [InlineData(50143, typeof(MemOSServerException), true, "algorithm service")]
    [InlineData(40132, typeof(MemOSAuthenticationException), false, "invalid or expired")]
    [InlineData(40307, typeof(MemOSNotFoundException), false, "does not exist")]
    public async Task An_error_code_inside_http_200_throws_its_family_with_meaning_and_fix(int code, Type expected, bool transient, string meaning)
    {
        var error = await CallAgainst(context => Respond.Text(context, $$"""{"code":{{code}},"message":"service text","data":null}"""));

        error.Should().BeOfType(expected);
        error.Code.Should().Be(code);
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        error.IsTransient.Should().Be(transient);
        error.ServerMessage.Should().Be("service text");
        error.Message.Should().Contain(code.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain(meaning).And.Contain("Fix:");
    }

    [Fact]
    public async Task The_observed_40000_body_without_data_maps_and_keeps_the_placeholder_text()
    {
        var error = await CallAgainst(context => Respond.Bytes(context, Fixture.Bytes("error_40000.observed.json")));

        error.Should().BeOfType<MemOSValidationException>();
        error.ServerMessage.Should().Be("Invalid request parameters{0}");
    }

    [Fact]
    public async Task Unknown_5xxxx_codes_are_transient_and_unknown_4xxxx_codes_are_not()
    {
        var server = await CallAgainst(context => Respond.Text(context, """{"code":59999,"message":"new"}"""));
        var client = await CallAgainst(context => Respond.Text(context, """{"code":49999,"message":"new"}"""));

        server.Should().BeOfType<MemOSServerException>().Which.IsTransient.Should().BeTrue();
        client.GetType().Should().Be<MemOSException>();
        client.IsTransient.Should().BeFalse();
        client.Code.Should().Be(49999);
    }

    [Fact]
    public async Task Http_401_is_an_authentication_error()
    {
        var error = await CallAgainst(context => Respond.Text(context, "Unauthorized", 401, "text/plain"));

        error.Should().BeOfType<MemOSAuthenticationException>();
        error.HttpStatus.Should().Be(HttpStatusCode.Unauthorized);
        error.Code.Should().BeNull();
    }

    [Fact]
    public async Task Http_401_with_an_envelope_keeps_its_code()
    {
        var error = await CallAgainst(context => Respond.Text(context, """{"code":40132,"message":"expired"}""", 401));

        error.Should().BeOfType<MemOSAuthenticationException>();
        error.Code.Should().Be(40132);
    }

    [Fact]
    public async Task Http_429_is_a_rate_limit_with_retry_after_from_the_header()
    {
        var error = await CallAgainst(context =>
        {
            context.Response.Headers.RetryAfter = "7";
            return Respond.Text(context, """{"detail":"Too many requests. Please slow down.","retry_after":3}""", 429);
        });

        var rateLimit = error.Should().BeOfType<MemOSRateLimitException>().Subject;
        rateLimit.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        rateLimit.IsTransient.Should().BeTrue();
        rateLimit.ServerMessage.Should().Be("Too many requests. Please slow down.");
    }

    [Fact]
    public async Task Http_429_without_header_takes_retry_after_from_the_body()
    {
        var error = await CallAgainst(context => Respond.Text(context, """{"detail":"slow down","retry_after":3}""", 429));

        error.Should().BeOfType<MemOSRateLimitException>().Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Http_500_with_the_self_hosted_body_is_a_transient_server_error()
    {
        var error = await CallAgainst(context => Respond.Text(context, """{"code":500,"message":"boom","data":null}""", 500));

        error.Should().BeOfType<MemOSServerException>();
        error.IsTransient.Should().BeTrue();
        error.ServerMessage.Should().Be("boom");
        error.HttpStatus.Should().Be(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task An_html_502_page_is_a_transient_server_error_without_the_page_in_the_message()
    {
        var error = await CallAgainst(context => Respond.Text(context, "<html><body><h1>502 Bad Gateway</h1></body></html>", 502, "text/html"));

        error.Should().BeOfType<MemOSServerException>();
        error.IsTransient.Should().BeTrue();
        error.Message.Should().NotContain("<html>");
    }

    [Fact]
    public async Task An_html_page_with_status_200_is_reported_as_not_json()
    {
        var error = await CallAgainst(context => Respond.Text(context, "<html>captive portal</html>", 200, "text/html"));

        error.Message.Should().Contain("HTML");
        error.IsTransient.Should().BeFalse();
    }

    [Fact]
    public async Task An_empty_body_is_reported_as_empty()
    {
        var error = await CallAgainst(context => Respond.Bytes(context, []));

        error.Message.Should().Contain("empty");
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"code":0,"data":{"memory_detail_list":[""")]
    [InlineData("not json at all")]
    [InlineData("""{"code":0,"data":{"memory_detail_list":{"id":"not-a-list"}}}""")]
    public async Task Malformed_or_truncated_json_is_reported_as_unreadable(string body)
    {
        var error = await CallAgainst(context => Respond.Text(context, body));

        error.Message.Should().Contain("not valid JSON");
        error.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task A_json_body_without_a_code_is_not_taken_for_success()
    {
        var error = await CallAgainst(context => Respond.Text(context, """{"data":{}}"""));

        error.Message.Should().Contain("no envelope code");
    }

    [Fact]
    public async Task The_trace_id_header_is_kept()
    {
        var error = await CallAgainst(context =>
        {
            context.Response.Headers["traceid"] = "trace-42";
            return Respond.Text(context, """{"code":50000,"message":"x"}""");
        });

        error.TraceId.Should().Be("trace-42");
        error.Message.Should().Contain("trace-42");
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_connection_error()
    {
        int port;
        await using (var server = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
        {
            port = server.BaseUrl.Port;
        }

        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/api/openmem/v1") });
        var act = () => client.AddMessageAsync("u", "c", [MemOSMessage.User("hi")]);

        var error = (await act.Should().ThrowAsync<MemOSConnectionException>()).Which;
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain($"127.0.0.1:{port}").And.Contain("Fix:").And.Contain("MEMOS_BASE_URL").And.NotContain(LoopbackServer.ApiKey);
    }

    [Fact]
    public async Task A_server_that_stalls_past_the_timeout_gives_a_timeout_and_caller_cancellation_stays_a_cancellation()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context => await release.Task.WaitAsync(context.RequestAborted));
        using var client = server.CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(200));

        var timedOut = () => client.SearchMemoryAsync("u", "q");
        var error = (await timedOut.Should().ThrowAsync<MemOSTimeoutException>()).Which;
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain("after 0.2 s").And.Contain("MemOS:Timeout");

        using var patient = server.CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var cancelled = () => patient.SearchMemoryAsync(new Memories.SearchMemoryRequest { UserId = "u", Query = "q" }, cancellation.Token);
        var thrown = (await cancelled.Should().ThrowAsync<OperationCanceledException>()).Which;
        thrown.Should().NotBeAssignableTo<MemOSException>();
        release.SetResult();
    }
}
