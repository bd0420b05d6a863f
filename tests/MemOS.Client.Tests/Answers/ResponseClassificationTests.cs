using System.Net;
using System.Text;
using MemOS.Client.Chat;
using MemOS.Client.Filters;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests.Transport;

/// <summary>
/// One answer, one outcome: the retry handler, the transport and the stream reader read the same
/// verdict, so the attempts the server counted and the exception the caller got always agree.
/// </summary>
public sealed class ResponseClassificationTests
{
    private const string RateLimited = """{"code":40309,"message":"slow down","data":null}""";
    private const string SearchAnswer = """{"code":0,"message":"ok","data":{"memory_detail_list":[{"id":"m1","memory_value":"likes tea"}]}}""";

    private static MemOSClient Client(LoopbackServer server, TimeSpan? timeout = null)
        => server.CreateClient(options =>
        {
            options.Retry.MaxRetries = 2;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            options.Retry.UseJitter = false;
            if (timeout is { } limit)
            {
                options.Timeout = limit;
            }
        });

    private static Task<AddMessageResult> Add(MemOSClient client) => client.AddMessageAsync("u", "c", [MemOSMessage.User("I like tea.")]);

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task An_envelope_labelled_text_plain_or_unlabelled_is_retried_and_mapped_as_an_envelope(string? contentType)
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, RateLimited, contentType: contentType));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSRateLimitException>()).Which;

        error.Code.Should().Be(40309);
        server.Requests.Should().HaveCount(3, "the handler retried the rate limit it read from the same envelope");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task A_success_envelope_labelled_text_plain_or_unlabelled_is_read(string? contentType)
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, SearchAnswer, contentType: contentType));
        using var client = Client(server);

        var result = await client.SearchMemoryAsync("u", "q");

        result.Memories.Should().ContainSingle().Which.MemoryValue.Should().Be("likes tea");
    }

    [Fact]
    public async Task An_envelope_answering_a_stream_request_as_text_plain_is_an_envelope_too()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, RateLimited, contentType: "text/plain"));
        using var client = Client(server);

        var act = async () =>
        {
            await foreach (var update in client.ChatStreamAsync("u", "c", "hello"))
            {
                _ = update;
            }
        };

        (await act.Should().ThrowAsync<MemOSRateLimitException>()).Which.Code.Should().Be(40309);
        server.Requests.Should().HaveCount(3, "a rate-limited chat was not processed, so even this write is repeated");
    }

    [Theory]
    [InlineData("""{"code":"40309","message":"slow down"}""")]
    [InlineData("""{"code":40309.0,"message":"slow down"}""")]
    [InlineData("""{"code":0,"message":"ok","code":40309}""")]
    public async Task A_code_as_a_string_a_number_or_given_twice_has_one_reading_for_retry_and_mapping(string body)
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, body));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSRateLimitException>()).Which;

        error.Code.Should().Be(40309);
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_code_given_twice_ending_in_success_is_a_success_everywhere()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":40309,"data":{"memory_detail_list":[]},"code":0}"""));
        using var client = Client(server);

        var result = await client.SearchMemoryAsync("u", "q");

        result.Memories.Should().BeEmpty();
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_success_whose_data_does_not_fit_the_result_is_an_unreadable_response_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":0,"message":"ok","data":{"memory_detail_list":"not a list"}}"""));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSException>()).Which;

        error.Message.Should().Contain("not valid JSON of the expected shape");
        error.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task An_error_code_after_data_that_does_not_fit_the_result_is_still_the_error()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"data":{"memory_detail_list":7},"code":40309,"message":"slow down"}"""));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSRateLimitException>()).Which;

        error.Code.Should().Be(40309);
        server.Requests.Should().HaveCount(3, "the rate limit was read past the data and retried");
    }

    [Fact]
    public async Task A_write_answered_without_data_fails_like_any_unreadable_write_naming_its_operation()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":0,"message":"ok","data":null}"""));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.CreateKnowledgeBaseAsync(new() { KnowledgeBaseName = "trips" })).Should().ThrowAsync<MemOSException>()).Which;

        error.Message.Should().Contain("create/knowledgebase").And.Contain("the answer has no data");
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        error.WriteMayHaveBeenApplied.Should().BeTrue("the service answered, so the write may stand");
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Data_given_twice_is_read_as_its_last_value()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":0,"data":{"memory_detail_list":[{"id":"a","memory_value":"old"}]},"data":{"memory_detail_list":[{"id":"b","memory_value":"new"}]}}"""));
        using var client = Client(server);

        var result = await client.SearchMemoryAsync("u", "q");

        result.Memories.Should().ContainSingle().Which.MemoryValue.Should().Be("new");
    }

    [Theory]
    [InlineData(400, """{"code":40000,"data":null,"message":"Invalid request parameters: filter object cannot be empty"}""", 40000, typeof(MemOSValidationException))]
    [InlineData(503, """{"code":503,"message":"Chat service is not available","data":null}""", 503, typeof(MemOSServerException))]
    [InlineData(422, """{"code":422,"message":"Parameter validation error","detail":[{"loc":["body","query"],"msg":"Field required"}]}""", 422, typeof(MemOSValidationException))]
    public async Task An_envelope_code_inside_a_non_2xx_answer_is_kept(int status, string body, int code, Type expected)
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, body, status));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSException>()).Which;

        error.Should().BeOfType(expected);
        error.Code.Should().Be(code);
        error.HttpStatus.Should().Be((HttpStatusCode)status);
    }

    [Fact]
    public async Task An_envelope_code_inside_a_large_non_2xx_answer_is_kept()
    {
        var padding = new string('x', 512 * 1024);
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, $$$"""{"code":40309,"message":"slow down","data":{"padding":"{{{padding}}}"}}""", 429));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSRateLimitException>()).Which;

        error.Code.Should().Be(40309);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"and":[]}""")]
    [InlineData("""{"user":{"or":[]}}""")]
    public async Task A_filter_without_conditions_is_not_sent(string filter)
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, SearchAnswer));
        using var client = Client(server);

        await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q", Filter = MemoryFilter.FromJson(filter) });
        await client.GetMemoryAsync(new GetMemoryRequest { UserId = "u", Filter = MemoryFilter.FromJson(filter) });

        server.Requests.Should().HaveCount(2).And.OnlyContain(request => request.BodyJson!["filter"] == null && !request.BodyText.Contains("\"filter\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filter_with_a_condition_is_sent_as_given()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, SearchAnswer));
        using var client = Client(server);

        await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q", Filter = MemoryFilter.FromJson("""{"and":[{"agent_id":"a1"}]}""") });

        server.SingleRequest.BodyJson!["filter"]!.ToJsonString().Should().Be("""{"and":[{"agent_id":"a1"}]}""");
    }

    [Theory]
    [InlineData("")]
    [InlineData("50000 - endpoint not found")]
    [InlineData("Not Found")]
    public async Task Code_50000_for_a_missing_route_is_not_retried(string message)
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, $$"""{"code":50000,"data":null,"message":"{{message}}"}"""));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSNotFoundException>()).Which;

        error.Code.Should().Be(50000);
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain("not available");
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Another_code_50000_is_retried_for_reads_a_bounded_number_of_times_and_not_for_writes()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":50000,"data":null,"message":"internal error"}"""));
        using var client = Client(server);

        var read = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSServerException>()).Which;
        var readAttempts = server.Requests.Count;
        var write = (await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSServerException>()).Which;

        readAttempts.Should().Be(3);
        server.Requests.Count.Should().Be(4, "the write was sent once");
        read.IsTransient.Should().BeTrue();
        write.WriteMayHaveBeenApplied.Should().BeTrue();
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task An_empty_2xx_body_answering_a_write_is_accepted_without_a_task_id(int status)
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, [], status, contentType: null));
        using var client = Client(server);

        var result = await Add(client);

        result.TaskId.Should().BeNull();
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task An_empty_2xx_body_answering_a_read_is_still_an_error()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, [], 200));
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSException>()).Which;

        error.Message.Should().Contain("empty");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_never_followed_and_names_its_status_and_target(int status)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path.Value!.Contains("/moved", StringComparison.Ordinal))
            {
                return Respond.Text(context, SearchAnswer);
            }

            context.Response.StatusCode = status;
            context.Response.Headers.Location = LoopbackServer.BasePath + "/moved/add/message";
            return Task.CompletedTask;
        });
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSException>()).Which;

        error.HttpStatus.Should().Be((HttpStatusCode)status);
        error.Message.Should().Contain($"HTTP {status}").And.Contain("redirect").And.Contain("/moved/add/message");
        error.Message.Should().NotContain("API key is required");
        server.Requests.Should().ContainSingle("the redirect was not followed");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressed_body_that_does_not_decompress_is_a_memos_exception(string encoding)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            return Respond.Bytes(context, Encoding.ASCII.GetBytes("this is not compressed at all, not even a little"));
        });
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSException>()).Which;

        error.Message.Should().Contain("could not be decoded");
    }

    [Fact]
    public async Task A_large_non_json_error_body_is_read_only_as_far_as_its_message_needs()
    {
        // A 4 GB error page, sent until the client goes away: a client that read it whole would not return in time.
        const long Size = 4L * 1024 * 1024 * 1024;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes("<html>" + new string('x', 64 * 1024));
            try
            {
                for (long written = 0; written < Size && !context.RequestAborted.IsCancellationRequested; written += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
                // The client stopped reading, as it should.
            }
        });
        using var client = server.CreateClient(options => options.Retry.MaxRetries = 0);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q").WaitAsync(TimeSpan.FromMinutes(1))).Should().ThrowAsync<MemOSServerException>()).Which;

        error.HttpStatus.Should().Be(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_text_error_body_gives_its_first_kilobytes_as_the_service_message()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, "upstream exploded " + new string('!', 100_000), 500, "text/plain"));
        using var client = server.CreateClient(options => options.Retry.MaxRetries = 0);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSServerException>()).Which;

        error.ServerMessage.Should().StartWith("upstream exploded");
        error.ServerMessage!.Length.Should().BeLessThanOrEqualTo(4 * 1024);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/event-stream")]
    [InlineData("application/json")]
    public async Task The_attempt_timeout_covers_reading_a_body_of_any_content_type(string contentType)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync("{\"code\":0,", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);

            // The body stalls until the client gives up on it.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var client = server.CreateClient(options =>
        {
            // The attempt limit runs on the real clock here: it must fire while the body stalls.
            options.TimeProvider = null;
            options.Retry.MaxRetries = 0;
            options.Retry.AttemptTimeout = TimeSpan.FromSeconds(1);
            options.Timeout = TimeSpan.FromMinutes(5);
        });

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q").WaitAsync(TimeSpan.FromMinutes(1))).Should().ThrowAsync<MemOSTimeoutException>()).Which;

        error.Message.Should().Contain("AttemptTimeout");
    }

    [Fact]
    public async Task A_retry_after_ending_past_the_call_timeout_fails_at_once_as_a_rate_limit()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "20";
            return Respond.Text(context, """{"detail":"too many requests"}""", 429);
        });
        using var client = server.CreateClient(options =>
        {
            options.Timeout = TimeSpan.FromSeconds(5);
            options.Retry.MaxRetryAfter = TimeSpan.FromMinutes(1);
        });

        var error = (await FluentActions.Awaiting(() => Add(client)).Should().ThrowAsync<MemOSRateLimitException>()).Which;

        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(20));
        error.WriteMayHaveBeenApplied.Should().BeFalse();
        server.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    public async Task A_huge_content_length_is_too_large_whatever_the_content_type(string contentType)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = 2_000_000_000;
            await context.Response.Body.FlushAsync(context.RequestAborted);
        });
        using var client = server.CreateClient(options => options.Retry.MaxRetries = 0);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSException>()).Which;

        error.Message.Should().Contain("larger than the 16 MB");
    }

    [Fact]
    public async Task Nested_info_values_and_null_list_items_do_not_poison_the_answer()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """
            {"code":0,"message":"ok","data":{"memory_detail_list":[null,{"id":"m1","memory_value":"likes tea","info":{"plain":"x","nested":{"a":1},"list":[{"b":2}],"mixed":["s",null,3]}},null]}}
            """));
        using var client = Client(server);

        var result = await client.SearchMemoryAsync("u", "q");

        var memory = result.Memories.Should().ContainSingle().Subject;
        memory.Info!["plain"].Text.Should().Be("x");
        memory.Info["nested"].Json!.Value.GetProperty("a").GetInt32().Should().Be(1);
        memory.Info["list"].Json!.Value[0].GetProperty("b").GetInt32().Should().Be(2);
        memory.Info["mixed"].List.Should().Equal("s", "3");
    }

    [Theory]
    [InlineData("abc 123")]
    [InlineData("trace<id>")]
    [InlineData("a-very-long-trace-id-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_trace_id_header_that_is_not_a_short_safe_token_is_dropped(string traceId)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["traceid"] = traceId;
            return Respond.Text(context, """{"code":40000,"message":"bad"}""");
        });
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSValidationException>()).Which;

        error.TraceId.Should().BeNull();
    }

    [Fact]
    public async Task A_trace_id_echoing_the_key_is_redacted()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["traceid"] = LoopbackServer.ApiKey;
            return Respond.Text(context, """{"code":40000,"message":"bad"}""");
        });
        using var client = Client(server);

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q")).Should().ThrowAsync<MemOSValidationException>()).Which;

        error.Message.Should().NotContain(LoopbackServer.ApiKey);
        (error.TraceId ?? string.Empty).Should().NotContain(LoopbackServer.ApiKey);
    }

    [Fact]
    public void An_api_key_with_non_ascii_characters_is_rejected_without_showing_it()
    {
        var options = new MemOSClientOptions { ApiKey = "mpg-secret\u201Dkey" };

        var act = () => new MemOSClient(options);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("non-ASCII").And.NotContain("mpg-secret");
    }

    [Fact]
    public async Task A_chat_answer_that_is_a_whole_json_envelope_is_one_text_and_an_end()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":0,"message":"ok","data":{"response":"Hello."}}""", contentType: "text/plain"));
        using var client = Client(server);

        var updates = new List<ChatStreamEvent>();
        await foreach (var update in client.ChatStreamAsync("u", "c", "hi"))
        {
            updates.Add(update);
        }

        updates.Should().HaveCount(2);
        updates[0].Should().BeOfType<ChatTextDelta>().Which.Text.Should().Be("Hello.");
        updates[1].Should().BeOfType<ChatStreamEnd>();
    }
}
