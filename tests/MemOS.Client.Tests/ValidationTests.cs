using MemOS.Client.Chat;
using MemOS.Client.Filters;
using MemOS.Client.Memories;
using MemOS.Client.Messages;

namespace MemOS.Client.Tests;

public sealed class ValidationTests
{
    public static TheoryData<string, Func<IMemOSClient, Task>> InvalidCalls() => new()
    {
        { "user_id", c => c.AddMessageAsync(new string('u', 101), "c", [MemOSMessage.User("hi")]) },
        { "conversation_id", c => c.AddMessageAsync("u", new string('c', 101), [MemOSMessage.User("hi")]) },
        { "user_id", c => c.AddMessageAsync(new AddMessageRequest { UserId = Enumerable.Range(0, 21).Select(i => $"u{i}").ToArray(), Messages = [MemOSMessage.User("hi")] }) },
        { "messages", c => c.AddMessageAsync("u", "c", []) },
        { "messages[0].content must not be empty or white space", c => c.AddMessageAsync("u", "c", [MemOSMessage.User(" ")]) },
        { "messages[1].content must not be empty or white space", c => c.AddMessageAsync("u", "c", [MemOSMessage.User("hi"), MemOSMessage.Assistant(string.Empty)]) },
        { "messages[0].content[1].text is required", c => c.AddMessageAsync("u", "c", [MemOSMessage.User(MessageContent.FromParts(ContentPart.FromText("a"), ContentPart.FromText("")))]) },
        { "user_id", c => c.AddMessageAsync(new AddMessageRequest { Messages = [MemOSMessage.User("hi")] }) },
        { "tool_call_id", c => c.AddMessageAsync(new AddMessageRequest { UserId = "u", Messages = [new MemOSMessage { Role = MessageRole.Tool, Content = "42" }] }) },
        { "role_name", c => c.AddMessageAsync(new AddMessageRequest { UserId = "u", Messages = [MemOSMessage.User("hi") with { RoleName = "Alex" }] }) },
        { "query", c => c.SearchMemoryAsync("u", " ") },
        { "memory_limit_number", c => c.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q", MemoryLimitNumber = 26 }) },
        { "relativity", c => c.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q", Relativity = 1.5 }) },
        { "temperature", c => c.ChatAsync(new ChatRequest { UserId = "u", Query = "q", Temperature = 2.1 }) },
        { "top_p", c => c.ChatAsync(new ChatRequest { UserId = "u", Query = "q", TopP = -0.1 }) },
        { "user_id", c => c.ChatAsync(new ChatRequest { UserId = "", Query = "q" }) },
        { "size", c => c.GetMemoryAsync(new GetMemoryRequest { UserId = "u", Size = 51 }) },
        { "user_id or agent_id", c => c.GetMemoryAsync(new GetMemoryRequest { UserId = "u", AgentId = "a" }) },
        { "memory_ids, user_id, agent_id or filter", c => c.DeleteMemoryAsync(new DeleteMemoryRequest { MemoryIds = ["m"], UserId = "u" }) },
        { "memory_ids, user_id, agent_id or filter", c => c.DeleteMemoryAsync(new DeleteMemoryRequest()) },
        { "content, title or status", c => c.UpdateMemoryAsync(new UpdateMemoryRequest { MemoryId = "m" }) },
        { "message_limit_number", c => c.GetMessagesAsync(new GetMessageRequest { UserId = "u", ConversationId = "c", MessageLimitNumber = 51 }) },
        { "feedback_content", c => c.AddFeedbackAsync(new Feedback.AddFeedbackRequest { UserId = "u", FeedbackContent = "" }) },
        { "file_ids or knowledgebase_id", c => c.GetKnowledgeBaseFileAsync(new KnowledgeBases.GetKnowledgeBaseFileRequest { FileIds = ["f"], KnowledgeBaseId = "kb" }) },
        { "page", c => c.GetKnowledgeBaseFileAsync(new KnowledgeBases.GetKnowledgeBaseFileRequest { FileIds = ["f"], Page = 2 }) },
        { "top_n", c => c.RerankAsync(new Ranking.RerankRequest { Query = "q", Documents = ["d"], TopN = 0 }) },
        { "documents", c => c.RerankAsync(new Ranking.RerankRequest { Query = "q", Documents = [] }) },
        { "knowledgebase_name", c => c.CreateKnowledgeBaseAsync(new KnowledgeBases.CreateKnowledgeBaseRequest { KnowledgeBaseName = " " }) },
        { "file (number of files)", c => c.AddKnowledgeBaseFileAsync(new KnowledgeBases.AddKnowledgeBaseFileRequest { KnowledgeBaseId = "kb", Files = Enumerable.Range(0, 21).Select(i => KnowledgeBases.KnowledgeBaseFileInput.FromUrl($"https://x/{i}.pdf")).ToArray() }) },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task A_request_the_service_would_reject_throws_naming_the_field_and_sends_nothing(string field, Func<IMemOSClient, Task> call)
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{}}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = () => call(client);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(field);
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Filters_refuse_user_id_empty_groups_and_nested_per_source_groups()
    {
        FluentActions.Invoking(() => MemoryFilter.Eq("user_id", "u")).Should().Throw<ArgumentException>().WithMessage("*user_id*");
        FluentActions.Invoking(() => MemoryFilter.And()).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => MemoryFilter.BySource()).Should().Throw<ArgumentException>();
        var perSource = MemoryFilter.BySource(user: MemoryFilter.And(MemoryFilter.Eq("scene", "chat")));
        FluentActions.Invoking(() => MemoryFilter.BySource(user: perSource)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => MemoryFilter.FromJson("[1]")).Should().Throw<ArgumentException>();
    }
}
