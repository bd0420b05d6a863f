using System.Text.Json.Nodes;
using MemOS.Client.AI;
using MemOS.Client.Chat;
using Microsoft.Extensions.AI;

namespace MemOS.Client.Tests;

public sealed class MemOSChatClientTests
{
    private static readonly byte[] Answer = """{"code":0,"message":"ok","data":{"response":"You chose 7 Days Inn."}}"""u8.ToArray();

    [Fact]
    public async Task Chat_options_are_mapped_to_the_exact_json_sent()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var memos = server.CreateClient();
        using var chat = memos.AsChatClient("memos_user_123", "0610");

        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "You are a travel agent."),
                new ChatMessage(ChatRole.User, "I booked a trip to Guangzhou."),
                new ChatMessage(ChatRole.Assistant, "Nice!"),
                new ChatMessage(ChatRole.User, "Which hotel did I choose?"),
            ],
            new ChatOptions { ModelId = "deepseek-r1", Temperature = 0.7f, TopP = 0.95f, MaxOutputTokens = 512, Instructions = "Answer briefly." });

        // Earlier turns are not sent: MemOS recalls them itself. The placeholder keeps memory on.
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""
            {
              "user_id": "memos_user_123",
              "conversation_id": "0610",
              "query": "Which hotel did I choose?",
              "system_prompt": "You are a travel agent.\n\nAnswer briefly.\n\n<memories>\n{memories}\n</memories>",
              "model_name": "deepseek-r1",
              "temperature": 0.7,
              "top_p": 0.95,
              "max_tokens": 512,
              "stream": false
            }
            """));
        response.Text.Should().Be("You chose 7 Days Inn.");
        response.ModelId.Should().Be("deepseek-r1");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Messages.Should().ContainSingle().Which.Role.Should().Be(ChatRole.Assistant);
    }

    [Fact]
    public async Task Without_options_only_the_query_and_ids_are_sent()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var memos = server.CreateClient();
        using var chat = memos.AsChatClient("u1");

        await chat.GetResponseAsync("Which hotel did I choose?");

        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"user_id":"u1","query":"Which hotel did I choose?","stream":false}"""));
    }

    [Fact]
    public async Task A_system_prompt_with_its_own_placeholder_is_sent_as_given_and_per_call_ids_win()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var memos = server.CreateClient();
        using var chat = memos.AsChatClient("u1", "c1");

        await chat.GetResponseAsync(
            "q",
            new ChatOptions
            {
                Instructions = "Memories: {memories}",
                ConversationId = "c2",
                AdditionalProperties = new() { [MemOSMemoryScope.UserIdKey] = "u2", [MemOSMemoryScope.AgentIdKey] = "a1" },
            });

        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse(
            """{"user_id":"u2","conversation_id":"c2","agent_id":"a1","query":"q","system_prompt":"Memories: {memories}","stream":false}"""));
    }

    [Fact]
    public async Task Streaming_yields_an_update_per_delta_with_reasoning_as_reasoning_content()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"reasoning","data":"The user said 7 Days Inn."}""");
            await Respond.Event(context, """{"type":"text","data":"You chose"}""");
            await Respond.Event(context, """{"type":"text","data":" 7 Days Inn."}""");
            await Respond.Event(context, """{"type":"end"}""");
        });
        using var memos = server.CreateClient();
        using var chat = memos.AsChatClient("u1", "c1");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Which hotel?", new ChatOptions { ModelId = "deepseek-r1" }))
        {
            updates.Add(update);
        }

        updates.Should().HaveCount(4);
        updates[0].Contents.Should().ContainSingle().Which.Should().BeOfType<TextReasoningContent>().Which.Text.Should().Be("The user said 7 Days Inn.");
        updates[1].Text.Should().Be("You chose");
        updates[2].Text.Should().Be(" 7 Days Inn.");
        updates[3].Contents.Should().BeEmpty();
        updates[3].FinishReason.Should().Be(ChatFinishReason.Stop);
        updates.Should().OnlyContain(update => update.Role == ChatRole.Assistant && update.ModelId == "deepseek-r1");
        updates.Select(update => update.ResponseId).Distinct().Should().ContainSingle();

        var response = updates.ToChatResponse();
        response.Text.Should().Be("You chose 7 Days Inn.");
        response.Messages.Should().ContainSingle();
        server.SingleRequest.BodyJson!["stream"]!.GetValue<bool>().Should().BeTrue();
        server.SingleRequest.BodyJson!["model_name"]!.GetValue<string>().Should().Be("deepseek-r1");
    }

    [Fact]
    public async Task Metadata_names_the_memos_provider_and_the_client_is_reachable()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var memos = server.CreateClient();
        using var chat = memos.AsChatClient("u1");

        var metadata = chat.GetService<ChatClientMetadata>();

        metadata!.ProviderName.Should().Be("memos");
        metadata.ProviderUri.Should().Be(memos.BaseUrl);
        chat.GetService<IMemOSClient>().Should().BeSameAs(memos);
    }

    [Fact]
    public async Task A_conversation_without_a_user_message_is_rejected_before_sending()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var memos = server.CreateClient();
        using var chat = memos.AsChatClient("u1");

        var act = () => chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief.")]);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*user message*");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Against_the_emulator_the_answer_recalls_what_was_written()
    {
        await using var emulator = await Testing.MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        await memos.AddMessageAsync("u1", "c1", [Messages.MemOSMessage.User("I choose 7 Days Inn.")]);
        using var chat = memos.AsChatClient("u1", "c1");

        var response = await chat.GetResponseAsync("Which hotel did I choose?");

        response.Text.Should().Contain("7 Days Inn");
        response.RawRepresentation.Should().BeOfType<ChatResult>();
    }
}
