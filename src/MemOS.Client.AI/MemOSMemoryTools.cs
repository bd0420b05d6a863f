using System.ComponentModel;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using Microsoft.Extensions.AI;

namespace MemOS.Client.AI;

/// <summary>
/// Memory as tools, for agents that decide for themselves when to remember and recall:
/// <c>search_memory</c> and <c>add_memory</c>. Add them to <see cref="ChatOptions.Tools"/>.
/// </summary>
public static class MemOSMemoryTools
{
    /// <summary>The name of the recall tool.</summary>
    public const string SearchMemoryName = "search_memory";

    /// <summary>The name of the remember tool.</summary>
    public const string AddMemoryName = "add_memory";

    /// <summary>Both tools, bound to one scope.</summary>
    /// <param name="client">The MemOS client.</param>
    /// <param name="scope">Whose memory the tools read and write; it must name a user or an agent.</param>
    /// <returns><c>search_memory</c> and <c>add_memory</c>.</returns>
    public static IReadOnlyList<AIFunction> Create(IMemOSClient client, MemOSMemoryScope scope)
        => [CreateSearchMemory(client, scope), CreateAddMemory(client, scope)];

    /// <summary>
    /// <c>search_memory(query)</c>: recalls the facts and preferences relevant to a query, as text
    /// with one line per memory.
    /// </summary>
    /// <param name="client">The MemOS client.</param>
    /// <param name="scope">Whose memory to search; it must name a user or an agent.</param>
    /// <returns>The tool.</returns>
    public static AIFunction CreateSearchMemory(IMemOSClient client, MemOSMemoryScope scope)
    {
        Check(client, scope);
        return AIFunctionFactory.Create(
            async (
                [Description("What to recall, in words, e.g. \"the user's hotel preferences\".")] string query,
                CancellationToken cancellationToken) =>
            {
                var result = await client.SearchMemoryAsync(
                    new SearchMemoryRequest
                    {
                        Query = query,
                        UserId = scope.UserId,
                        AgentId = scope.AgentId,
                        ConversationId = scope.ConversationId,
                    },
                    cancellationToken).ConfigureAwait(false);
                return MemoryPrompt.ForTool(result);
            },
            new AIFunctionFactoryOptions
            {
                Name = SearchMemoryName,
                Description = "Searches the user's long-term memory and returns the facts and preferences relevant to "
                    + "the query.",
                SerializerOptions = MemOSAIJsonContext.Default.Options,
            });
    }

    /// <summary>
    /// <c>add_memory(memory)</c>: writes a statement into memory as the user's message (async mode),
    /// so MemOS extracts facts and preferences from it.
    /// </summary>
    /// <param name="client">The MemOS client.</param>
    /// <param name="scope">Whose memory to write; it must name a user or an agent.</param>
    /// <returns>The tool.</returns>
    public static AIFunction CreateAddMemory(IMemOSClient client, MemOSMemoryScope scope)
    {
        Check(client, scope);
        return AIFunctionFactory.Create(
            async (
                [Description("What to remember, as the user stated it, e.g. \"I am allergic to peanuts.\"")]
                string memory,
                CancellationToken cancellationToken) =>
            {
                await client.AddMessageAsync(
                    new AddMessageRequest
                    {
                        UserId = scope.UserId is { } user ? OneOrManyIds.One(user) : null,
                        AgentId = scope.AgentId is { } agent ? OneOrManyIds.One(agent) : null,
                        ConversationId = scope.ConversationId,
                        Messages = [MemOSMessage.User(memory)],
                        AsyncMode = true,
                    },
                    cancellationToken).ConfigureAwait(false);
                return "Remembered.";
            },
            new AIFunctionFactoryOptions
            {
                Name = AddMemoryName,
                Description = "Saves something the user said about themselves (a fact or a preference) to their "
                    + "long-term memory.",
                SerializerOptions = MemOSAIJsonContext.Default.Options,
            });
    }

    private static void Check(IMemOSClient client, MemOSMemoryScope scope)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.HasSubject)
        {
            throw new ArgumentException("The memory scope must name a user or an agent.", nameof(scope));
        }
    }
}
