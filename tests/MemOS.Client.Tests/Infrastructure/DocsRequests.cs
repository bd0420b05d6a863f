using MemOS.Client.Chat;
using MemOS.Client.Filters;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>Request records that match the docs' example bodies in Fixtures, for tests that send them.</summary>
public static class DocsRequests
{
    /// <summary>The chat request of <c>chat.request.json</c>, field for field.</summary>
    public static ChatRequest Chat => new()
    {
        UserId = "memos_user_123",
        Query = "What fun places are in Shanghai?",
        ModelName = ChatModel.DeepSeekR1,
        ConversationId = "23006762-a064-456e-a33b-d2452bdfa09f",
        KnowledgeBaseIds = ["2448808afa784cc5f7595da21ae5a3fd"],
        Filter = MemoryFilter.And(MemoryFilter.Gt("create_time", "2025-09-19")),
        SystemPrompt = "Recommend parks",
        AddMessageOnAnswer = false,
        AllowPublic = false,
        AllowKnowledgeBaseIds = [],
        AgentId = "agent_id_2025-12-15-01",
        AppId = "app_id_2025-12-15-01",
        Tags = [],
        Info = new Dictionary<string, string>(),
        MaxTokens = 8192,
        Temperature = 0.7,
        TopP = 0.95,
    };
}
