using System.Net;
using System.Text;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Resilience;

namespace MemOS.Client.Tests.Transport;

/// <summary>
/// The one call path, against answers on a loopback server: nothing thrown after the transport
/// returned loses what it means for a write, answers other servers send are read right, and the
/// retry owner honours the per-call scope a bulk caller sets.
/// </summary>
public sealed class CallPathTests
{
    private const string SearchAnswer = """{"code":0,"message":"ok","data":{"memory_detail_list":[{"id":"m1","memory_value":"likes tea"}]}}""";

    // The write succeeded (code 0) but its data cannot become the result: a list item is null.
    private const string UnreadableFileList = """{"code":0,"message":"ok","data":[null]}""";

    [Fact]
    public async Task A_knowledge_base_upload_whose_answer_cannot_be_read_may_have_been_applied()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, UnreadableFileList));
        using var client = server.CreateClient();

        var act = () => client.UploadKnowledgeBaseFilesAsync("kb", [KnowledgeBaseUpload.FromStream("notes.md", new MemoryStream("# notes"u8.ToArray()))]);

        var error = (await act.Should().ThrowAsync<MemOSException>()).Which;
        error.Message.Should().Contain("not of the expected shape");
        error.WriteMayHaveBeenApplied.Should().BeTrue("the service accepted the upload; only its answer was unreadable");
        server.Requests.Should().ContainSingle("a write that may have been applied is not repeated");
    }

    [Fact]
    public async Task A_knowledge_base_file_add_whose_answer_cannot_be_read_may_have_been_applied()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, UnreadableFileList));
        using var client = server.CreateClient();

        var act = () => client.AddKnowledgeBaseFileAsync(new AddKnowledgeBaseFileRequest { KnowledgeBaseId = "kb", Files = [KnowledgeBaseFileInput.FromUrl("https://example.com/a.pdf")] });

        (await act.Should().ThrowAsync<MemOSException>()).Which.WriteMayHaveBeenApplied.Should().BeTrue();
    }

    [Fact]
    public async Task A_task_status_answer_without_a_status_is_unreadable_and_says_so()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":0,"message":"ok","data":[]}"""));
        using var client = server.CreateClient();

        var error = (await FluentActions.Awaiting(() => client.GetTaskStatusAsync("t1")).Should().ThrowAsync<MemOSException>()).Which;

        error.Message.Should().Contain("get/status").And.Contain("has no data");
        error.WriteMayHaveBeenApplied.Should().BeFalse("reading a status writes nothing");
    }

    [Fact]
    public async Task A_JSON_answer_that_begins_with_a_byte_order_mark_is_read()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SearchAnswer)).ToArray();
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, body));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("u", "q");

        result.Memories.Should().ContainSingle().Which.MemoryValue.Should().Be("likes tea");
    }

    [Fact]
    public async Task An_error_envelope_that_begins_with_a_byte_order_mark_keeps_its_code()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"code":40132,"message":"bad key"}""")).ToArray();
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, body));
        using var client = server.CreateClient();

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSAuthenticationException>()).Which;

        error.Code.Should().Be(MemOSErrorCodes.ApiKeyInvalid);
    }

    [Fact]
    public async Task An_HTML_error_page_leaves_a_short_tag_free_excerpt_in_ServerMessage()
    {
        var page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body { color: red; }</style>"
                   + "<script>track('x < y');</script></head><body><!-- upstream down --><h1>502 Bad Gateway</h1>"
                   + "<p>The upstream &amp; its replicas did not answer.</p>" + new string('x', 5000) + "</body></html>";
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, page, status: 502, contentType: "text/html; charset=utf-8"));
        using var client = server.CreateClient(options => options.Retry.MaxRetries = 0);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSServerException>()).Which;

        error.HttpStatus.Should().Be(HttpStatusCode.BadGateway);
        error.ServerMessage.Should().StartWith("502 Bad Gateway 502 Bad Gateway The upstream & its replicas did not answer. xxx");
        error.ServerMessage!.Length.Should().BeLessThanOrEqualTo(201, "an excerpt of at most 200 characters and an ellipsis");
        error.ServerMessage.Should().NotContain("<").And.NotContain("track").And.NotContain("color").And.NotContain("upstream down");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 5)]
    public async Task An_attempt_scope_sets_the_retries_of_the_calls_in_it(int scopeRetries, int attempts)
    {
        await using var server = await LoopbackServer.StartAsync(RateLimited);
        using var client = server.CreateClient(options => { options.Retry.MaxRetries = 2; options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1); });

        using (new AttemptScope(maxRetries: scopeRetries).Enter())
        {
            await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSRateLimitException>();
        }

        server.Requests.Should().HaveCount(attempts);

        await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSRateLimitException>();
        server.Requests.Should().HaveCount(attempts + 3, "outside the scope the client's own count applies again");
    }

    [Fact]
    public async Task An_attempt_scope_hears_of_each_rate_limited_attempt_before_the_next_is_sent()
    {
        await using var server = await LoopbackServer.StartAsync(RateLimited);
        using var client = server.CreateClient(options => { options.Retry.MaxRetries = 2; options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1); });
        var heard = new List<(TimeSpan? RetryAfter, int RequestsSoFar)>();

        using (new AttemptScope(onRateLimited: wait => heard.Add((wait, server.Requests.Count))).Enter())
        {
            await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSRateLimitException>();
        }

        heard.Should().Equal((TimeSpan.Zero, 1), (TimeSpan.Zero, 2), (TimeSpan.Zero, 3));
    }

    private static Task<AddMessageResult> Add(MemOSClient client) => client.AddMessageAsync("u", "c", [MemOSMessage.User("I like tea.")]);

    private static Task RateLimited(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Response.Headers.RetryAfter = "0";
        return Respond.Text(context, """{"code":40309,"message":"slow down","data":null}""");
    }
}
