using System.Net;
using System.Text.Json.Nodes;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using WireMock.RequestBuilders;

namespace MemOS.Client.Tests.Contract;

/// <summary>
/// Error answers through WireMock: which exception each becomes, and how many attempts the
/// server's request log counted. Writes (add/message) are sent once unless the service says it
/// rate-limited them; reads (search/memory) are retried on anything transient.
/// </summary>
public sealed class ErrorContractTests
{
    private const int MaxRetries = 2;

    private static readonly JsonNode AddBody = JsonNode.Parse("""{"user_id":"u","conversation_id":"c","messages":[{"role":"user","content":"hi"}]}""")!;
    private static readonly JsonNode SearchBody = JsonNode.Parse("""{"user_id":"u","query":"q"}""")!;

    private const string Write = "add/message";
    private const string Read = "search/memory";

    private static IRequestBuilder Route(string call) => call == Write
        ? ContractServer.CloudPost("/add/message", AddBody)
        : ContractServer.CloudPost("/search/memory", SearchBody);

    private static Func<Task> Send(MemOSClient client, string call) => call == Write
        ? () => client.AddMessageAsync(new AddMessageRequest { UserId = "u", ConversationId = "c", Messages = [MemOSMessage.User("hi")] })
        : () => client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q" });

    private static async Task<(TException Error, int Attempts)> Failing<TException>(string call, string body, int status = 200, Action<WireMock.ResponseBuilders.IResponseBuilder>? decorate = null)
        where TException : MemOSException
    {
        using var server = new ContractServer();
        server.Answer(Route(call), body, status, decorate: decorate);
        using var client = server.CreateClient(MaxRetries);

        var error = await server.ExpectError<TException>(Send(client, call));

        return (error, server.LogEntries.Count);
    }

    [Theory]
    [InlineData(Write)]
    [InlineData(Read)]
    public async Task Code_40305_inside_http_200_is_sent_once_and_reports_no_applied_write(string call)
    {
        // 40305 (one request over the token limit) is the caller's to fix: never repeated, never applied.
        var (error, attempts) = await Failing<MemOSException>(call, """{"code":40305,"message":"input exceeds the single-request token limit","data":null}""");

        error.Code.Should().Be(40305);
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        error.IsTransient.Should().BeFalse();
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        attempts.Should().Be(1);
    }

    [Theory]
    [InlineData(Write)]
    [InlineData(Read)]
    public async Task Code_40309_inside_http_200_is_a_rate_limit_retried_for_writes_and_reads(string call)
    {
        var (error, attempts) = await Failing<MemOSRateLimitException>(call, """{"code":40309,"message":"token usage over the window","data":null}""");

        error.Code.Should().Be(40309);
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        error.IsTransient.Should().BeTrue();
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        attempts.Should().Be(1 + MaxRetries);
    }

    [Theory]
    [InlineData(Write)]
    [InlineData(Read)]
    public async Task Http_429_with_retry_after_is_a_rate_limit_carrying_the_wait_retried_for_writes_and_reads(string call)
    {
        var (error, attempts) = await Failing<MemOSRateLimitException>(
            call, """{"code":40300,"message":"rate limit exceeded"}""", 429, response => response.WithHeader("Retry-After", "7"));

        error.HttpStatus.Should().Be(HttpStatusCode.TooManyRequests);
        error.Code.Should().Be(40300);
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        attempts.Should().Be(1 + MaxRetries);
    }

    [Theory]
    [InlineData(Write, 1, true)]
    [InlineData(Read, 1 + MaxRetries, false)]
    public async Task Http_503_is_a_transient_server_error_retried_only_for_reads(string call, int expectedAttempts, bool mayHaveApplied)
    {
        var (error, attempts) = await Failing<MemOSServerException>(call, """{"code":50004,"message":"memory service temporarily unavailable"}""", 503);

        error.HttpStatus.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.IsTransient.Should().BeTrue();
        error.WriteMayHaveBeenApplied.Should().Be(mayHaveApplied);
        attempts.Should().Be(expectedAttempts);
    }

    [Theory]
    [InlineData(Write, 1, true)]
    [InlineData(Read, 1 + MaxRetries, false)]
    public async Task Code_50005_inside_http_200_is_a_transient_server_error_retried_only_for_reads(string call, int expectedAttempts, bool mayHaveApplied)
    {
        var (error, attempts) = await Failing<MemOSServerException>(call, """{"code":50005,"message":"search service temporarily unavailable","data":null}""");

        error.Code.Should().Be(50005);
        error.IsTransient.Should().BeTrue();
        error.WriteMayHaveBeenApplied.Should().Be(mayHaveApplied);
        attempts.Should().Be(expectedAttempts);
    }

    [Theory]
    [InlineData(Write)]
    [InlineData(Read)]
    public async Task Http_401_is_an_authentication_error_sent_once(string call)
    {
        var (error, attempts) = await Failing<MemOSAuthenticationException>(call, "Unauthorized", 401);

        error.HttpStatus.Should().Be(HttpStatusCode.Unauthorized);
        error.Code.Should().BeNull();
        error.IsTransient.Should().BeFalse();
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        attempts.Should().Be(1);
    }

    [Theory]
    [InlineData(Write)]
    [InlineData(Read)]
    public async Task Code_40132_inside_http_200_is_an_authentication_error_sent_once(string call)
    {
        var (error, attempts) = await Failing<MemOSAuthenticationException>(call, """{"code":40132,"message":"API key invalid or expired","data":null}""");

        error.Code.Should().Be(40132);
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        error.IsTransient.Should().BeFalse();
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        attempts.Should().Be(1);
    }
}
