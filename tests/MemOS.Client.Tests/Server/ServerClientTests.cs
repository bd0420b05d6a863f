using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MemOS.Client.Filters;
using MemOS.Client.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MemOS.Client.Tests;

/// <summary>The self-hosted server's non-streaming routes (SPEC A.3, A.5, A.6), options and DI.</summary>
public sealed class ServerClientTests
{
    private static async Task<(LoopbackServer Server, MemOSServerClient Client)> Answering(string body, int status = 200)
    {
        var server = await LoopbackServer.RespondingWith(System.Text.Encoding.UTF8.GetBytes(body), status);
        return (server, server.CreateServerClient());
    }

    [Fact]
    public async Task Chat_complete_sends_the_chat_request_and_reads_the_codeless_answer()
    {
        var (server, client) = await Answering("""{"message": "Chat completed successfully", "data": {"response": "Green tea.", "reasoning": "She said so earlier."}}""");
        await using var _ = server;
        using var __ = client;

        var result = await client.ChatCompleteAsync(new ServerChatRequest { UserId = "u", Query = "What do I drink?", Threshold = 0.5, ReadableCubeIds = ["cube-1"] });

        result.Response.Should().Be("Green tea.");
        result.Reasoning.Should().Be("She said so earlier.");
        var sent = server.SingleRequest;
        sent.Method.Should().Be("POST");
        sent.Path.Should().Be("/product/chat/complete");
        sent.Header("Accept").Should().Be("application/json");
        sent.Header("Authorization").Should().Be("Bearer " + LoopbackServer.ApiKey);
        sent.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"user_id": "u", "query": "What do I drink?", "threshold": 0.5, "readable_cube_ids": ["cube-1"]}"""));
    }

    [Fact]
    public async Task Chat_complete_without_reasoning_gives_null_reasoning()
    {
        var (server, client) = await Answering("""{"message": "Chat completed successfully", "data": {"response": "Hi.", "reasoning": null}}""");
        await using var _ = server;
        using var __ = client;

        var result = await client.ChatCompleteAsync(new ServerChatRequest { UserId = "u", Query = "q" });

        result.Should().BeEquivalentTo(new ServerChatCompleteResult { Response = "Hi.", Reasoning = null });
    }

    [Fact]
    public async Task Chat_complete_with_an_unsupported_model_is_a_server_error_carrying_the_traceback()
    {
        var (server, client) = await Answering("""{"code": 500, "message": "Traceback: model qwen-x not supported", "data": null}""", 500);
        await using var _ = server;
        using var __ = client;

        var act = () => client.ChatCompleteAsync(new ServerChatRequest { UserId = "u", Query = "q", ModelNameOrPath = "qwen-x" });

        var error = (await act.Should().ThrowAsync<MemOSServerException>()).Which;
        error.HttpStatus.Should().Be(HttpStatusCode.InternalServerError);
        error.ServerMessage.Should().Be("Traceback: model qwen-x not supported");
    }

    [Fact]
    public async Task Chat_complete_still_honours_an_error_code_in_a_200_answer()
    {
        var (server, client) = await Answering("""{"code": 404, "message": "no such cube", "data": null}""");
        await using var _ = server;
        using var __ = client;

        var act = () => client.ChatCompleteAsync(new ServerChatRequest { UserId = "u", Query = "q" });

        (await act.Should().ThrowAsync<MemOSNotFoundException>()).Which.Code.Should().Be(404);
    }

    [Fact]
    public async Task Add_posts_the_messages_and_returns_the_data_as_received()
    {
        var (server, client) = await Answering("""{"code": 200, "message": "Memory added successfully", "data": [{"memory": "Ann loves green tea.", "memory_id": "mem-1", "memory_type": "UserMemory", "cube_id": "cube-1"}]}""");
        await using var _ = server;
        using var __ = client;

        var result = await client.AddMemoryAsync(new ServerAddMemoryRequest
        {
            UserId = "u",
            Messages = [ServerMessage.User("I love green tea.") with { ChatTime = "2025-01-01 10:00:00" }, ServerMessage.Assistant("Noted.")],
            WritableCubeIds = ["cube-1"],
            SessionId = "s-1",
            AsyncMode = ServerAsyncMode.Sync,
        });

        server.SingleRequest.Path.Should().Be("/product/add");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""
            {
              "user_id": "u",
              "messages": [
                {"role": "user", "content": "I love green tea.", "chat_time": "2025-01-01 10:00:00"},
                {"role": "assistant", "content": "Noted."}
              ],
              "writable_cube_ids": ["cube-1"],
              "session_id": "s-1",
              "async_mode": "sync"
            }
            """));
        result.Data.ValueKind.Should().Be(JsonValueKind.Array);
        result.Data[0].GetProperty("memory_id").GetString().Should().Be("mem-1");
    }

    [Fact]
    public async Task Search_posts_the_query_and_returns_the_data_as_received()
    {
        var (server, client) = await Answering("""{"code": 200, "message": "Search completed successfully", "data": {"text_mem": [{"cube_id": "cube-1", "memories": [{"id": "mem-1", "memory": "Ann loves green tea."}]}], "pref_mem": []}}""");
        await using var _ = server;
        using var __ = client;

        var result = await client.SearchMemoryAsync(new ServerSearchMemoryRequest
        {
            UserId = "u",
            Query = "drinks",
            ReadableCubeIds = ["cube-1", "cube-2"],
            Mode = ServerSearchMode.Mixture,
            TopK = 3,
            SessionId = "s-1",
            Relativity = 0.2,
            IncludePreference = true,
            PrefTopK = 2,
            Filter = MemoryFilter.FromJson("""{"or": [{"id": "mem-1"}, {"created_at": {"gt": "2024-01-01"}}]}"""),
        });

        server.SingleRequest.Path.Should().Be("/product/search");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""
            {
              "user_id": "u",
              "query": "drinks",
              "readable_cube_ids": ["cube-1", "cube-2"],
              "mode": "mixture",
              "top_k": 3,
              "session_id": "s-1",
              "relativity": 0.2,
              "include_preference": true,
              "pref_top_k": 2,
              "filter": {"or": [{"id": "mem-1"}, {"created_at": {"gt": "2024-01-01"}}]}
            }
            """));
        result.Data.GetProperty("text_mem")[0].GetProperty("memories")[0].GetProperty("memory").GetString().Should().Be("Ann loves green tea.");
    }

    [Fact]
    public async Task Get_memory_posts_the_cube_and_page()
    {
        var (server, client) = await Answering("""{"code": 200, "message": "Memories retrieved successfully", "data": {"text_mem": [], "total": 0}}""");
        await using var _ = server;
        using var __ = client;

        var result = await client.GetMemoryAsync(new ServerGetMemoryRequest { MemCubeId = "cube-1", UserId = "u", Page = 2, PageSize = 20 });

        server.SingleRequest.Path.Should().Be("/product/get_memory");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"mem_cube_id": "cube-1", "user_id": "u", "page": 2, "page_size": 20}"""));
        result.Data.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Get_memory_by_id_is_a_get_with_the_id_percent_encoded_into_one_path_segment()
    {
        string? rawTarget = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            return Respond.Text(context, """{"code": 200, "message": "ok", "data": {"id": "a/b c", "memory": "Ann loves green tea."}}""");
        });
        using var client = server.CreateServerClient();

        var result = await client.GetMemoryByIdAsync("a/b c");

        rawTarget.Should().Be("/product/get_memory/a%2Fb%20c");
        var sent = server.SingleRequest;
        sent.Method.Should().Be("GET");
        sent.Body.Should().BeEmpty();
        sent.Header("Authorization").Should().Be("Bearer " + LoopbackServer.ApiKey);
        result.Data.GetProperty("id").GetString().Should().Be("a/b c");
    }

    [Fact]
    public async Task Delete_posts_the_ids_and_keeps_a_null_data()
    {
        var (server, client) = await Answering("""{"code": 200, "message": "Memories deleted successfully", "data": null}""");
        await using var _ = server;
        using var __ = client;

        var result = await client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["mem-1", "mem-2"], WritableCubeIds = ["cube-1"] });

        server.SingleRequest.Path.Should().Be("/product/delete_memory");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"memory_ids": ["mem-1", "mem-2"], "writable_cube_ids": ["cube-1"]}"""));
        result.Data.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Feedback_always_sends_the_history_even_when_empty()
    {
        var (server, client) = await Answering("""{"code": 200, "message": "Feedback processed successfully", "data": {"answer": ""}}""");
        await using var _ = server;
        using var __ = client;

        var result = await client.AddFeedbackAsync(new ServerFeedbackRequest
        {
            UserId = "u",
            FeedbackContent = "I switched to coffee.",
            History = [],
            RetrievedMemoryIds = ["mem-1"],
            WritableCubeIds = ["cube-1"],
            SessionId = "s-1",
        });

        server.SingleRequest.Path.Should().Be("/product/feedback");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""
            {"user_id": "u", "feedback_content": "I switched to coffee.", "history": [], "retrieved_memory_ids": ["mem-1"], "writable_cube_ids": ["cube-1"], "session_id": "s-1"}
            """));
        result.Data.GetProperty("answer").GetString().Should().BeEmpty();
    }

    [Fact]
    public async Task Requests_that_are_certainly_invalid_fail_before_sending()
    {
        using var client = new MemOSServerClient(new MemOSServerClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/") });

        await FluentActions.Invoking(() => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { WritableCubeIds = ["cube-1"] }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*memory_ids, file_ids or a filter*");
        await FluentActions.Invoking(() => client.GetMemoryByIdAsync(".."))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*URL path*");
        await FluentActions.Invoking(() => client.GetMemoryByIdAsync(""))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*memory_id*");
        await FluentActions.Invoking(() => client.AddMemoryAsync(new ServerAddMemoryRequest { UserId = "u", Messages = [] }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*messages*");
        await FluentActions.Invoking(() => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q", Relativity = -0.1 }))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*relativity*at least 0*");
        await FluentActions.Invoking(() => client.GetMemoryAsync(new ServerGetMemoryRequest { MemCubeId = "cube-1", Page = 0 }))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*page*");
    }

    [Fact]
    public async Task A_422_validation_body_is_a_validation_error_keyed_by_http_status()
    {
        var (server, client) = await Answering("""
            {"code": 422, "message": "Parameter validation error on POST /product/search: [body -> query] Field required (type: missing)", "detail": [{"type": "missing", "loc": ["body", "query"], "msg": "Field required", "input": {"user_id": "u"}}], "data": null}
            """, 422);
        await using var _ = server;
        using var __ = client;

        var act = () => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q" });

        var error = (await act.Should().ThrowAsync<MemOSValidationException>()).Which;
        error.HttpStatus.Should().Be(HttpStatusCode.UnprocessableEntity);
        // The body's code only repeats the HTTP status: the error is classified by status, and the code is kept as sent.
        error.Code.Should().Be(422);
        error.IsTransient.Should().BeFalse();
        error.ServerMessage.Should().StartWith("Parameter validation error on POST /product/search");
    }

    [Theory]
    [InlineData(400, typeof(MemOSValidationException), false)]
    [InlineData(401, typeof(MemOSAuthenticationException), false)]
    [InlineData(404, typeof(MemOSNotFoundException), false)]
    [InlineData(500, typeof(MemOSServerException), true)]
    [InlineData(503, typeof(MemOSServerException), true)]
    public async Task Server_error_bodies_map_to_their_exception_family(int status, Type expected, bool transient)
    {
        var (server, client) = await Answering($$"""{"code": {{status}}, "message": "server text", "data": null}""", status);
        await using var _ = server;
        using var __ = client;

        var act = () => client.GetMemoryByIdAsync("mem-1");

        var error = (await act.Should().ThrowAsync<MemOSException>()).Which;
        error.Should().BeOfType(expected);
        error.HttpStatus.Should().Be((HttpStatusCode)status);
        error.IsTransient.Should().Be(transient);
        error.ServerMessage.Should().Be("server text");
    }

    [Fact]
    public async Task A_429_from_the_rate_limiter_is_a_rate_limit_with_retry_after()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "30";
            context.Response.Headers["X-RateLimit-Limit"] = "100";
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            return Respond.Text(context, """{"detail": "Too many requests. Please slow down.", "retry_after": 30}""", 429);
        });
        using var client = server.CreateServerClient();

        var act = () => client.AddMemoryAsync(new ServerAddMemoryRequest { UserId = "u", Messages = [ServerMessage.User("hi")] });

        var error = (await act.Should().ThrowAsync<MemOSRateLimitException>()).Which;
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        error.IsTransient.Should().BeTrue();
        error.ServerMessage.Should().Be("Too many requests. Please slow down.");
    }

    [Fact]
    public async Task An_api_key_echoed_by_the_server_is_redacted()
    {
        var (server, client) = await Answering($$"""{"code": 401, "message": "Invalid or expired API key {{LoopbackServer.ApiKey}}", "data": null}""", 401);
        await using var _ = server;
        using var __ = client;

        var act = () => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q" });

        var error = (await act.Should().ThrowAsync<MemOSAuthenticationException>()).Which;
        error.Message.Should().NotContain(LoopbackServer.ApiKey);
        error.ServerMessage.Should().NotContain(LoopbackServer.ApiKey);
    }

    [Fact]
    public async Task A_key_that_names_its_scheme_is_sent_as_given()
    {
        var (server, _) = await Answering("""{"code": 200, "message": "ok", "data": null}""");
        await using var __ = server;
        using var client = server.CreateServerClient(o => o.ApiKey = "Token my-key");

        await client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["m"] });

        server.SingleRequest.Header("Authorization").Should().Be("Token my-key");
    }

    [Theory]
    [InlineData(null, false, "MemOSServerClientOptions.BaseUrl is missing")]
    [InlineData("relative/path", false, "not an absolute URL")]
    [InlineData("ftp://memos.example.com", false, "must use https")]
    [InlineData("http://memos.example.com:8001", false, "plain http to a non-loopback host")]
    public void Invalid_base_urls_are_refused_with_a_clear_message(string? baseUrl, bool allowHttp, string expected)
    {
        var options = new MemOSServerClientOptions
        {
            BaseUrl = baseUrl is null ? null : new Uri(baseUrl, UriKind.RelativeOrAbsolute),
            AllowInsecureHttp = allowHttp,
        };

        var act = () => new MemOSServerClient(options);

        act.Should().Throw<ArgumentException>().WithMessage($"Invalid MemOS server client options: *{expected}*");
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new MemOSServerClientOptions
        {
            BaseUrl = new Uri("http://localhost:8001"),
            ApiKey = "key\nwith-newline",
            Timeout = TimeSpan.Zero,
            StreamIdleTimeout = TimeSpan.FromSeconds(-1),
        };

        var act = options.Validate;

        act.Should().Throw<ArgumentException>()
            .WithMessage("*control characters*")
            .WithMessage("*MemOSServerClientOptions.Timeout is '00:00:00'; use a positive time span such as TimeSpan.FromSeconds(30), or Timeout.InfiniteTimeSpan for no limit.*")
            .WithMessage("*MemOSServerClientOptions.StreamIdleTimeout is '-00:00:01'; use a positive time span*");
    }

    [Theory]
    [InlineData("http://localhost:8001", false, null)]
    [InlineData("http://127.0.0.1:8001/memos", false, "key")]
    [InlineData("http://memos.internal:8001", true, null)]
    [InlineData("https://memos.example.com", false, "key")]
    public void Loopback_http_explicitly_allowed_http_and_https_are_accepted_with_or_without_a_key(string baseUrl, bool allowHttp, string? apiKey)
    {
        using var client = new MemOSServerClient(new MemOSServerClientOptions { BaseUrl = new Uri(baseUrl), AllowInsecureHttp = allowHttp, ApiKey = apiKey });

        client.BaseUrl.AbsoluteUri.Should().Be(new Uri(baseUrl).AbsoluteUri.TrimEnd('/') + "/");
    }

    [Fact]
    public async Task A_path_prefix_in_the_base_url_is_kept()
    {
        var (server, _) = await Answering("""{"code": 200, "message": "ok", "data": null}""");
        await using var __ = server;
        using var client = server.CreateServerClient(o => o.BaseUrl = new Uri(server.ServerRoot(), "/memos"));

        await client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["m"] });

        server.SingleRequest.Path.Should().Be("/memos/product/delete_memory");
    }

    [Fact]
    public void A_caller_supplied_http_client_is_neither_changed_nor_disposed()
    {
        using var http = new HttpClient();
        var timeout = http.Timeout;

        using (new MemOSServerClient(http, new MemOSServerClientOptions { BaseUrl = new Uri("http://localhost:8001"), ApiKey = "key" }))
        {
        }

        http.Timeout.Should().Be(timeout);
        http.DefaultRequestHeaders.Should().BeEmpty();
        http.BaseAddress.Should().BeNull();
        FluentActions.Invoking(() => http.CancelPendingRequests()).Should().NotThrow();
    }

    [Fact]
    public async Task Dependency_injection_binds_configuration_and_sends_through_the_http_client_factory()
    {
        var (server, _) = await Answering("""{"code": 200, "message": "ok", "data": {"id": "mem-1"}}""");
        await using var __ = server;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MemOSServer:BaseUrl"] = server.ServerRoot().ToString(),
            ["MemOSServer:ApiKey"] = LoopbackServer.ApiKey,
            ["MemOSServer:Timeout"] = "00:00:05",
            ["MemOSServer:StreamIdleTimeout"] = "00:00:07",
        }).Build();
        var services = new ServiceCollection();

        var builder = services.AddMemOSServerClient(configuration.GetSection("MemOSServer"));
        await using var provider = services.BuildServiceProvider();

        builder.Name.Should().Be(MemOSServerServiceCollectionExtensions.HttpClientName).And.Be("MemOS.ServerClient");
        var options = provider.GetRequiredService<IOptions<MemOSServerClientOptions>>().Value;
        options.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        options.StreamIdleTimeout.Should().Be(TimeSpan.FromSeconds(7));
        var client = provider.GetRequiredService<IMemOSServerClient>();
        client.Should().BeSameAs(provider.GetRequiredService<IMemOSServerClient>());
        var result = await client.GetMemoryByIdAsync("mem-1");
        result.Data.GetProperty("id").GetString().Should().Be("mem-1");
        server.SingleRequest.Path.Should().Be("/product/get_memory/mem-1");
        server.SingleRequest.Header("Authorization").Should().Be("Bearer " + LoopbackServer.ApiKey);
    }

    [Fact]
    public async Task Dependency_injection_in_code_registers_alongside_the_cloud_client()
    {
        var (server, _) = await Answering("""{"code": 200, "message": "ok", "data": null}""");
        await using var __ = server;
        var services = new ServiceCollection();
        services.AddMemOSClient(o => o.ApiKey = "cloud-key");

        services.AddMemOSServerClient(o => o.BaseUrl = server.ServerRoot());
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IMemOSClient>().Should().NotBeNull();
        await provider.GetRequiredService<IMemOSServerClient>().DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["m"] });
        server.SingleRequest.Headers.Should().NotContainKey("Authorization");
    }

    [Fact]
    public async Task Dependency_injection_validates_options_when_the_host_starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMemOSServerClient(options => options.ApiKey = "key");
        using var host = builder.Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("BaseUrl is missing");
    }
}
