using System.Text.Json.Nodes;
using MemOS.Client.Messages;

namespace MemOS.Client.Tests;

public sealed class AddMessageTests
{
    [Fact]
    public async Task Sends_the_quick_start_body_with_auth_and_user_agent_and_parses_the_answer()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient();

        var result = await client.AddMessageAsync("memos_user_123", "0610",
        [
            MemOSMessage.User("I have booked a summer trip to Guangzhou. Which hotel chains are available?"),
            MemOSMessage.Assistant("You can consider 7 Days Inn, Ji Hotel, Hilton, and others."),
            MemOSMessage.User("I choose 7 Days Inn."),
            MemOSMessage.Assistant("Got it. Feel free to ask if you have other questions."),
        ]);

        var request = server.SingleRequest;
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/api/openmem/v1/add/message");
        request.Header("Authorization").Should().Be("Token " + LoopbackServer.ApiKey);
        request.Header("Content-Type").Should().Be("application/json");
        request.Header("User-Agent").Should().MatchRegex(@"^MemOS\.Client/\d+\.\d+\.\d+.* \(\.NET \d+");
        request.Header("Content-Length").Should().Be(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("add_message.request.json"));

        result.Success.Should().BeTrue();
        result.TaskId.Should().Be("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9");
        result.Status.Should().Be(MemOSTaskStatus.Running);
    }

    [Fact]
    public async Task Text_outside_ascii_is_sent_as_utf8_not_as_escapes()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient();

        await client.AddMessageAsync("memos_user_123", "0610", [MemOSMessage.User("我选择7天酒店 <ok> & \"quoted\"")]);

        var body = server.SingleRequest.BodyText;
        body.Should().Contain("我选择7天酒店 <ok> & \\\"quoted\\\"", "only what JSON requires is escaped");
        server.SingleRequest.BodyJson!["messages"]![0]!["content"]!.GetValue<string>().Should().Be("我选择7天酒店 <ok> & \"quoted\"");
    }

    public static TheoryData<string, AddMessageRequest> DocumentedRequests() => new()
    {
        {
            "add_message.request.chat_time.json", new AddMessageRequest
            {
                UserId = "memos_user_123",
                ConversationId = "0930",
                Messages =
                [
                    MemOSMessage.User("I like spicy food.") with { ChatTime = "2025-09-12 08:00:00" },
                    MemOSMessage.Assistant("I have noted that you like spicy flavors.") with { ChatTime = "2025-09-12 08:01:00" },
                    MemOSMessage.User("I do not like heavy oil.") with { ChatTime = "2025-09-25 12:00:00" },
                    MemOSMessage.Assistant("Got it. You prefer spicy food with a lighter taste.") with { ChatTime = "2025-09-25 12:01:00" },
                ],
            }
        },
        {
            "add_message.request.info.json", new AddMessageRequest
            {
                UserId = "memos_user_123",
                ConversationId = "0610",
                Messages =
                [
                    MemOSMessage.User("Help me find flights with suitable times."),
                    MemOSMessage.Assistant("I found several flights from Beijing to Shanghai."),
                ],
                Info = new Dictionary<string, InfoValue> { ["scene"] = "flight" },
            }
        },
        {
            "add_message.request.custom_tags_sync.json", new AddMessageRequest
            {
                UserId = "memos_user_123",
                ConversationId = "1210",
                Messages =
                [
                    MemOSMessage.User("How is the weather today?"),
                    MemOSMessage.Assistant("Shanghai, December 10th, cloudy, temperature 8-12 degrees."),
                ],
                Tags = ["Weather", "Cloudy"],
                AsyncMode = false,
            }
        },
        {
            "add_message.request.group_chat.json", new AddMessageRequest
            {
                UserId = new[] { "memos_user_1", "memos_user_2" },
                AgentId = "memos_agent",
                ConversationId = "group_conv_001",
                Messages =
                [
                    MemOSMessage.User("Does next Tuesday work for everyone for the proposal review?") with { RoleId = "memos_user_1", RoleName = "Alex" },
                    MemOSMessage.User("Works for me. How about 2pm?") with { RoleId = "memos_user_2", RoleName = "Jordan" },
                    MemOSMessage.Assistant("Got it. Proposal review next Tuesday at 2pm. Want me to help prepare the agenda?") with { RoleId = "memos_agent" },
                ],
            }
        },
        {
            "add_message.request.allow_memory_view.json", new AddMessageRequest
            {
                UserId = "memos_user_123",
                ConversationId = "conv_0624",
                AllowMemoryView = [MemoryView.Event, MemoryView.DetailFactual, MemoryView.Preference],
                Messages =
                [
                    MemOSMessage.User("Last Tuesday afternoon I did a proposal review with Li Si. The customer liked the second version and wants delivery moved up to the end of July."),
                    MemOSMessage.Assistant("Got it. Want me to summarize the key conclusions from the review?"),
                ],
            }
        },
        {
            "add_message.request.multimodal.json", new AddMessageRequest
            {
                UserId = "memos_user_123",
                ConversationId = "1211",
                Messages =
                [
                    MemOSMessage.User(MessageContent.FromParts(ContentPart.FromText("I am studying MemOS."))),
                    MemOSMessage.User(MessageContent.FromParts(ContentPart.FromImageUrl("https://cdn.memtensor.com.cn/img/1758706201390_iluj1c_compressed.png"))),
                    MemOSMessage.User(MessageContent.FromParts(ContentPart.FromFile("https://cdn.memtensor.com.cn/file/MemOS 2.pdf"))),
                ],
            }
        },
        {
            "add_message.request.tool_calling.json", new AddMessageRequest
            {
                UserId = "memos_user_123",
                ConversationId = "demo-conv-id",
                Messages =
                [
                    // The long system prompt is taken from the fixture; the structure around it is what is tested.
                    MemOSMessage.System(Fixture.Json("add_message.request.tool_calling.json")["messages"]![0]!["content"]!.GetValue<string>()),
                    MemOSMessage.User("What's the weather like in Beijing right now?"),
                    MemOSMessage.Assistant(null, [ToolCall.ForFunction("call_123", "get_weather", "{\"location\": \"Beijing\"}")]),
                    MemOSMessage.Tool("call_123", MessageContent.FromParts(ContentPart.FromText("{\"location\": \"Beijing\", \"temperature\": \"7\\u00b0C\", \"condition\": \"Cloudy\"}"))),
                ],
            }
        },
    };

    [Theory]
    [MemberData(nameof(DocumentedRequests))]
    public async Task Every_documented_request_is_sent_exactly(string fixture, AddMessageRequest request)
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient();

        await client.AddMessageAsync(request);

        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json(fixture));
    }

    [Theory]
    [InlineData("add_message.response.json", "running", true)]
    [InlineData("add_message.response.sync.json", "completed", true)]
    [InlineData("add_message.response.legacy_2025.json", null, false)]
    public async Task Every_documented_answer_parses(string fixture, string? status, bool hasTaskId)
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes(fixture));
        using var client = server.CreateClient();

        var result = await client.AddMessageAsync("u", "c", [MemOSMessage.User("hi")]);

        result.Success.Should().BeTrue();
        result.Status?.Value.Should().Be(status);
        (result.TaskId is not null).Should().Be(hasTaskId);
    }

    [Fact]
    public async Task A_success_envelope_whose_data_says_success_false_is_an_error()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"success":false}}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = () => client.AddMessageAsync("u", "c", [MemOSMessage.User("hi")]);

        (await act.Should().ThrowAsync<MemOSException>()).Which.Message.Should().Contain("success: False");
    }

    [Fact]
    public async Task Unknown_body_fields_and_request_extras_round_trip()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"success":true,"task_id":"t","status":"running","queue_position":3}}"""u8.ToArray());
        using var client = server.CreateClient();

        var result = await client.AddMessageAsync(new AddMessageRequest
        {
            UserId = "u",
            Messages = [MemOSMessage.User("hi")],
            AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement>
            {
                ["future_flag"] = System.Text.Json.JsonDocument.Parse("true").RootElement,
            },
        });

        result.AdditionalProperties.Should().ContainKey("queue_position").WhoseValue.GetInt32().Should().Be(3);
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"user_id":"u","messages":[{"role":"user","content":"hi"}],"future_flag":true}"""));
    }
}
