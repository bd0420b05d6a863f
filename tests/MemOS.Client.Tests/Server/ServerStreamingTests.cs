using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MemOS.Client.Chat;
using MemOS.Client.Filters;
using MemOS.Client.Server;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// POST /product/chat/stream of the self-hosted server (SPEC A.1, A.2, A.4): frames are
/// <c>data: &lt;json&gt;</c> plus a blank line, written by Python's json.dumps (", " and ": "
/// separators), with no event lines and no end marker.
/// </summary>
public sealed class ServerStreamingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static Task Frame(HttpContext context, string json) => Respond.Event(context, json, eventName: null);

    private static Task<LoopbackServer> Streaming(params string[] frames)
        => LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            foreach (var frame in frames)
            {
                await Frame(context, frame);
            }
        });

    [Fact]
    public async Task Every_request_field_is_sent_exactly_with_a_bearer_key()
    {
        await using var server = await Streaming();
        using var client = server.CreateServerClient();

        var request = new ServerChatRequest
        {
            UserId = "user-1",
            Query = "What do I like to drink?",
            ReadableCubeIds = ["cube-read"],
            WritableCubeIds = ["cube-write"],
            History =
            [
                ServerMessage.User("I love green tea.") with { Name = "Ann", ChatTime = "2025-01-01 10:00:00", MessageId = "msg-1" },
                ServerMessage.Assistant("Noted."),
            ],
            Mode = ServerSearchMode.Fine,
            SystemPrompt = "Answer briefly.",
            TopK = 5,
            SessionId = "session-1",
            IncludePreference = false,
            PrefTopK = 3,
            ModelNameOrPath = "qwen3-8b",
            MaxTokens = 512,
            Temperature = 0.2,
            TopP = 0.9,
            AddMessageOnAnswer = false,
            ManagerUserId = "manager-1",
            ProjectId = "project-1",
            Relativity = 0.3,
            Filter = MemoryFilter.FromJson("""{"and":[{"id":"uuid-xxx"},{"or":[{"created_at":{"gt":"2024-01-01"}},{"created_at":{"lt":"2023-01-01"}}]}]}"""),
            InternetSearch = true,
            Threshold = 0.6,
        };
#pragma warning disable CS0618 // The deprecated fields must still reach the wire when set.
        request = request with { Moscube = false, MemCubeId = "cube-legacy" };
#pragma warning restore CS0618

        var events = await client.ChatStreamAsync(request).ToListAsync();

        events.Should().Equal(new ChatStreamEnd());
        var sent = server.SingleRequest;
        sent.Method.Should().Be("POST");
        sent.Path.Should().Be("/product/chat/stream");
        sent.Header("Authorization").Should().Be("Bearer " + LoopbackServer.ApiKey);
        sent.Header("Accept").Should().Be("text/event-stream");
        sent.Header("Content-Type").Should().Be("application/json");
        sent.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""
            {
              "user_id": "user-1",
              "query": "What do I like to drink?",
              "readable_cube_ids": ["cube-read"],
              "writable_cube_ids": ["cube-write"],
              "history": [
                {"role": "user", "content": "I love green tea.", "name": "Ann", "chat_time": "2025-01-01 10:00:00", "message_id": "msg-1"},
                {"role": "assistant", "content": "Noted."}
              ],
              "mode": "fine",
              "system_prompt": "Answer briefly.",
              "top_k": 5,
              "session_id": "session-1",
              "include_preference": false,
              "pref_top_k": 3,
              "model_name_or_path": "qwen3-8b",
              "max_tokens": 512,
              "temperature": 0.2,
              "top_p": 0.9,
              "add_message_on_answer": false,
              "manager_user_id": "manager-1",
              "project_id": "project-1",
              "relativity": 0.3,
              "filter": {"and": [{"id": "uuid-xxx"}, {"or": [{"created_at": {"gt": "2024-01-01"}}, {"created_at": {"lt": "2023-01-01"}}]}]},
              "internet_search": true,
              "threshold": 0.6,
              "moscube": false,
              "mem_cube_id": "cube-legacy"
            }
            """));
    }

    [Fact]
    public async Task A_minimal_request_sends_only_the_required_fields_and_no_authorization_without_a_key()
    {
        await using var server = await Streaming();
        using var client = server.CreateServerClient(o => o.ApiKey = null);

        await client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).ToListAsync();

        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"user_id": "u", "query": "q"}"""));
        server.SingleRequest.Headers.Should().NotContainKey("Authorization");
    }

    [Fact]
    public async Task Every_event_type_is_typed_and_a_close_without_end_marker_completes_normally()
    {
        await using var server = await Streaming(
            """{"type": "status", "data": "0"}""",
            """{"type": "status", "data": "1"}""",
            """{"type": "reference", "data": [{"metadata": {"id": "mem-1", "memory": "Ann loves green tea."}}]}""",
            """{"type": "pref_md_string", "data": "- prefers tea over coffee"}""",
            """{"type": "status", "data": "reasoning"}""",
            """{"type": "reasoning", "data": "She said tea."}""",
            """{"type": "status", "data": "2"}""",
            """{"type": "text", "data": "你喜欢"}""",
            """{"type": "text", "data": " green tea."}""",
            """{"type": "internet_reference", "data": [{"title": "Tea", "url": "https://example.com/tea"}]}""",
            """{"type": "time", "data": {"total_time": 1.5, "speed_improvement": "12.5%"}}""",
            """{"type": "suggestion", "data": ["Which tea?", "Hot or cold?"]}""");
        using var client = server.CreateServerClient();

        var events = await client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).ToListAsync();

        events.Should().HaveCount(13);
        events[0].Should().Be(new ChatStreamStatus("0"));
        events[1].Should().Be(new ChatStreamStatus("1"));
        var reference = events[2].Should().BeOfType<ChatStreamReference>().Subject.References;
        reference[0].GetProperty("metadata").GetProperty("memory").GetString().Should().Be("Ann loves green tea.");
        events[3].Should().Be(new ChatStreamPreferenceMarkdown("- prefers tea over coffee"));
        events[4].Should().Be(new ChatStreamStatus("reasoning"));
        events[5].Should().Be(new ChatReasoningDelta("She said tea."));
        events[6].Should().Be(new ChatStreamStatus("2"));
        events[7].Should().Be(new ChatTextDelta("你喜欢"));
        events[8].Should().Be(new ChatTextDelta(" green tea."));
        var internet = events[9].Should().BeOfType<ChatStreamInternetReference>().Subject.References;
        internet.GetArrayLength().Should().Be(1);
        internet[0].GetProperty("url").GetString().Should().Be("https://example.com/tea");
        events[10].Should().Be(new ChatStreamTime(1.5, "12.5%"));
        events[11].Should().BeOfType<ChatStreamSuggestions>().Which.Suggestions.Should().Equal("Which tea?", "Hot or cold?");
        events[12].Should().Be(new ChatStreamEnd());
    }

    [Fact]
    public async Task The_playground_end_event_ends_the_stream_once()
    {
        await using var server = await Streaming("""{"type": "text", "data": "Hi"}""", """{"type": "end"}""");
        using var client = server.CreateServerClient();

        var events = await client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).ToListAsync();

        events.Should().Equal(new ChatTextDelta("Hi"), new ChatStreamEnd());
    }

    [Fact]
    public async Task Known_types_with_undocumented_payloads_pass_through_as_unknown()
    {
        string[] frames =
        [
            """{"type": "time", "data": "soon"}""",
            """{"type": "suggestion", "data": [1, 2]}""",
            """{"type": "reference"}""",
            """{"type": "status"}""",
        ];
        await using var server = await Streaming(frames);
        using var client = server.CreateServerClient();

        var events = await client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).ToListAsync();

        events.Should().Equal(
            new ChatStreamUnknown("time", frames[0]),
            new ChatStreamUnknown("suggestion", frames[1]),
            new ChatStreamUnknown("reference", frames[2]),
            new ChatStreamUnknown("status", frames[3]),
            new ChatStreamEnd());
    }

    [Fact]
    public async Task A_mid_stream_error_frame_throws_after_the_events_before_it()
    {
        // json.dumps(ensure_ascii=True) escapes the non-ASCII text of the traceback.
        await using var server = await Streaming(
            """{"type": "status", "data": "1"}""",
            """{"type": "text", "data": "partial"}""",
            """{"type": "error", "content": "Traceback (most recent call last):\n  File \"chat_handler.py\", line 1\nValueError: \u6a21\u578b qwen-x not found"}""");
        using var client = server.CreateServerClient();
        var received = new List<ChatStreamEvent>();

        var act = async () =>
        {
            await foreach (var item in client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q", ModelNameOrPath = "qwen-x" }))
            {
                received.Add(item);
            }
        };

        var error = (await act.Should().ThrowAsync<MemOSStreamException>()).Which;
        error.ServerMessage.Should().Be("Traceback (most recent call last):\n  File \"chat_handler.py\", line 1\nValueError: 模型 qwen-x not found");
        error.Message.Should().Contain("product/chat/stream").And.Contain("ValueError");
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        received.Should().Equal(new ChatStreamStatus("1"), new ChatTextDelta("partial"));
    }

    [Fact]
    public async Task Each_frame_is_delivered_before_the_server_writes_the_next()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Frame(context, """{"type": "text", "data": "Hello"}""");
            await released.Task.WaitAsync(Bound);
            await Frame(context, """{"type": "text", "data": " world"}""");
        });
        using var client = server.CreateServerClient();

        await using var events = client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).GetAsyncEnumerator();
        (await events.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().BeTrue();
        events.Current.Should().Be(new ChatTextDelta("Hello"));

        released.SetResult();
        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.Should().Be(new ChatTextDelta(" world"));
        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.Should().Be(new ChatStreamEnd());
        (await events.MoveNextAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task Chat_disabled_503_is_a_transient_server_error_raised_at_the_first_MoveNext()
    {
        await using var server = await LoopbackServer.RespondingWith(
            """{"code": 503, "message": "Chat service is not available. Chat handler not initialized.", "data": null}"""u8.ToArray(), 503);
        using var client = server.CreateServerClient();

        var stream = client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" });
        server.Requests.Should().BeEmpty();
        var act = async () => await stream.ToListAsync();

        var error = (await act.Should().ThrowAsync<MemOSServerException>()).Which;
        error.IsTransient.Should().BeTrue();
        error.HttpStatus.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.ServerMessage.Should().Be("Chat service is not available. Chat handler not initialized.");
    }

    [Fact]
    public async Task A_json_answer_with_status_200_is_reported_as_not_an_event_stream()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code": 200, "message": "ok", "data": null}"""u8.ToArray());
        using var client = server.CreateServerClient();

        var act = async () => await client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).ToListAsync();

        (await act.Should().ThrowAsync<MemOSException>()).Which.Message.Should().Contain("not an event stream");
    }

    [Fact]
    public void A_bad_request_fails_at_the_call_not_at_the_first_MoveNext()
    {
        using var client = new MemOSServerClient(new MemOSServerClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/") });

        var act = () => client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = " " });

        act.Should().Throw<ArgumentException>().WithMessage("*query*");
    }

    [Fact]
    public async Task The_cloud_client_types_the_server_event_types_too()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"status","data":"1"}""");
            await Respond.Event(context, """{"type":"suggestion","data":["next?"]}""");
            await Respond.Event(context, """{"type":"end"}""");
        });
        using var client = server.CreateClient();

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        events.Should().HaveCount(3);
        events[0].Should().Be(new ChatStreamStatus("1"));
        events[1].Should().BeOfType<ChatStreamSuggestions>().Which.Suggestions.Should().Equal("next?");
        events[2].Should().Be(new ChatStreamEnd());
    }

    [Fact]
    public async Task Reference_data_outlives_the_frame_it_came_from()
    {
        await using var server = await Streaming("""{"type": "reference", "data": {"text_mem": []}}""", """{"type": "text", "data": "x"}""");
        using var client = server.CreateServerClient();

        var events = await client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).ToListAsync();

        var references = events[0].Should().BeOfType<ChatStreamReference>().Subject.References;
        references.ValueKind.Should().Be(JsonValueKind.Object);
        references.GetProperty("text_mem").GetArrayLength().Should().Be(0);
    }
}
