using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// The MCP tools over one client. Each answers JSON text; a failed call becomes a tool error whose
/// text is the SDK's message (the error code, what it means and what to do), never the API key.
/// </summary>
internal sealed class MemoryTools(IMemOSClient client)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public IReadOnlyList<McpServerTool> Create() =>
    [
        Tool(SearchAsync, "search_memories", "Recall a user's memories (facts and preferences) relevant to a query, most relevant first.", readOnly: true),
        Tool(AddMessagesAsync, "add_messages", "Write messages of a conversation into a user's memory; MemOS extracts memories from them asynchronously.", readOnly: false),
        Tool(GetMemoryAsync, "get_memory", "Fetch one memory by its id.", readOnly: true),
        Tool(DeleteMemoriesAsync, "delete_memories", "Delete memories by id. This cannot be undone.", readOnly: false, destructive: true),
        Tool(FeedbackAsync, "add_feedback", "Correct a user's memories with feedback in plain words, e.g. \"I no longer live in Beijing\".", readOnly: false),
        Tool(ChatAsync, "chat", "Answer a question with a MemOS-hosted model that recalls the user's memories first.", readOnly: false),
    ];

    public Task<string> SearchAsync(
        [Description("The user whose memories to search.")] string userId,
        [Description("What to recall memories for.")] string query,
        [Description("Optional: weigh this conversation's memories higher.")] string? conversationId = null,
        CancellationToken cancellationToken = default)
        => Call(async () =>
        {
            var found = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = userId, Query = query, ConversationId = conversationId }, cancellationToken);
            return new
            {
                memories = found.Memories.Select(m => new { id = m.Id, memory = m.MemoryValue, relevance = m.Relativity, conversation_id = m.ConversationId }),
                preferences = found.Preferences.Select(p => new { id = p.Id, preference = p.Preference, relevance = p.Relativity }),
                preference_note = found.PreferenceNote,
            };
        });

    public Task<string> AddMessagesAsync(
        [Description("The user the memories belong to.")] string userId,
        [Description("The conversation the messages belong to.")] string conversationId,
        [Description("The messages, oldest first.")] IReadOnlyList<ToolMessage> messages,
        CancellationToken cancellationToken = default)
        => Call(async () =>
        {
            var added = await client.AddMessageAsync(
                new AddMessageRequest
                {
                    UserId = userId,
                    ConversationId = conversationId,
                    Messages = [.. (messages ?? []).Select(m => new MemOSMessage { Role = m.Role, Content = m.Content ?? string.Empty, ChatTime = m.ChatTime })],
                },
                cancellationToken);
            return new { success = added.Success ?? true, task_id = added.TaskId, status = added.Status?.Value };
        });

    public Task<string> GetMemoryAsync([Description("The memory id, as search_memories returns it.")] string memoryId, CancellationToken cancellationToken = default)
        => Call(async () => (object)await client.GetMemoryByIdAsync(memoryId, cancellationToken));

    public Task<string> DeleteMemoriesAsync([Description("The ids of the memories to delete.")] IReadOnlyList<string> memoryIds, CancellationToken cancellationToken = default)
        => Call(async () =>
        {
            await client.DeleteMemoryAsync(new DeleteMemoryRequest { MemoryIds = memoryIds }, cancellationToken);
            return new { deleted = memoryIds?.Count ?? 0 };
        });

    public Task<string> FeedbackAsync(
        [Description("The user whose memories to correct.")] string userId,
        [Description("The correction in plain words.")] string feedback,
        [Description("Optional: the conversation the feedback refers to.")] string? conversationId = null,
        CancellationToken cancellationToken = default)
        => Call(async () =>
        {
            var result = await client.AddFeedbackAsync(new AddFeedbackRequest { UserId = userId, FeedbackContent = feedback, ConversationId = conversationId }, cancellationToken);
            return new { task_id = result.TaskId, status = result.Status?.Value };
        });

    public Task<string> ChatAsync(
        [Description("The user.")] string userId,
        [Description("The question.")] string query,
        [Description("The conversation the turn belongs to.")] string conversationId = "mcp",
        CancellationToken cancellationToken = default)
        => Call(async () =>
        {
            var answer = await client.ChatAsync(new ChatRequest { UserId = userId, ConversationId = conversationId, Query = query }, cancellationToken);
            return new { answer = answer.Response };
        });

    private static McpServerTool Tool(Delegate method, string name, string description, bool readOnly, bool destructive = false)
        => McpServerTool.Create(method, new McpServerToolCreateOptions { Name = name, Description = description, ReadOnly = readOnly, Destructive = destructive, OpenWorld = false });

    private static async Task<string> Call(Func<Task<object>> call)
    {
        try
        {
            return JsonSerializer.Serialize(await call(), Json);
        }
        catch (ArgumentException error)
        {
            throw new McpException("Invalid arguments: " + error.Message, error);
        }
        catch (MemOSException error)
        {
            throw new McpException("MemOS call failed: " + error.Message, error);
        }
    }
}
