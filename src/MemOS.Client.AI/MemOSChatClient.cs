using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MemOS.Client.Chat;
using Microsoft.Extensions.AI;

namespace MemOS.Client.AI;

/// <summary>
/// MemOS chat behind <see cref="IChatClient"/>. MemOS answers one query with the user's
/// memories, so the last user message is the query, and the system messages and
/// <see cref="ChatOptions.Instructions"/> become its system prompt; earlier turns are not sent,
/// because MemOS recalls them itself.
/// </summary>
internal sealed class MemOSChatClient : IChatClient
{
    private const string MemoriesPlaceholder = "{memories}";

    private readonly IMemOSClient _client;
    private readonly MemOSMemoryScope _scope;
    private readonly ChatClientMetadata _metadata;

    public MemOSChatClient(IMemOSClient client, string userId, string? conversationId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        _client = client;
        _scope = new MemOSMemoryScope { UserId = userId, ConversationId = conversationId };
        _metadata = new ChatClientMetadata("memos", (client as MemOSClient)?.BaseUrl);
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(messages, options);
        var result = await _client.ChatAsync(request, cancellationToken).ConfigureAwait(false);
        var contents = new List<AIContent>();
        if (result.AdditionalProperties?.TryGetValue("reasoning", out var reasoning) == true
            && reasoning.ValueKind == JsonValueKind.String)
        {
            contents.Add(new TextReasoningContent(reasoning.GetString()));
        }

        contents.Add(new TextContent(result.Response));
        var responseId = NewId();
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents)
        {
            MessageId = responseId,
            RawRepresentation = result,
        })
        {
            ResponseId = responseId,
            ModelId = request.ModelName?.Value,
            FinishReason = ChatFinishReason.Stop,
            RawRepresentation = result,
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        // Built here rather than inside the iterator so a bad request fails at the call site.
        var request = CreateRequest(messages, options);
        return StreamAsync(request, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_client) ? _client
            : null;
    }

    /// <summary>The MemOS client is the caller's: it is not disposed here.</summary>
    public void Dispose()
    {
    }

    private ChatRequest CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var query = list.LastOrDefault(message => message.Role == ChatRole.User)?.Text;
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException(
                "MemOS chat needs a user message with text: the last one is the query.",
                nameof(messages));
        }

        var scope = MemOSMemoryScope.FromProperties(options?.AdditionalProperties, _scope)!;
        return new ChatRequest
        {
            UserId = scope.UserId!,
            ConversationId = options?.ConversationId ?? scope.ConversationId,
            AgentId = scope.AgentId,
            Query = query,
            SystemPrompt = SystemPrompt(list, options?.Instructions),
            ModelName = options?.ModelId is { } model ? new ChatModel(model) : (ChatModel?)null,
            Temperature = AsDouble(options?.Temperature),
            TopP = AsDouble(options?.TopP),
            MaxTokens = options?.MaxOutputTokens,
        };
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        ChatRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One id for every update, so ToChatResponseAsync joins them into one message.
        var responseId = NewId();
        await foreach (var streamEvent in _client.ChatStreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            AIContent? content = streamEvent switch
            {
                ChatTextDelta text => new TextContent(text.Text),
                ChatReasoningDelta reasoning => new TextReasoningContent(reasoning.Text),
                _ => null,
            };
            if (content is not null)
            {
                yield return Update([content], streamEvent);
            }
            else if (streamEvent is ChatStreamEnd)
            {
                var end = Update([], streamEvent);
                end.FinishReason = ChatFinishReason.Stop;
                yield return end;
            }
        }

        ChatResponseUpdate Update(IList<AIContent> contents, ChatStreamEvent raw) => new(ChatRole.Assistant, contents)
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = request.ModelName?.Value,
            RawRepresentation = raw,
        };
    }

    /// <summary>
    /// The system messages and instructions, in that order. MemOS inserts recalled memories at
    /// <c>{memories}</c> in its system prompt; a prompt without one would silently turn memory
    /// off, so the placeholder is appended as MemOS's built-in prompt has it.
    /// </summary>
    private static string? SystemPrompt(IReadOnlyList<ChatMessage> messages, string? instructions)
    {
        var parts = messages.Where(message => message.Role == ChatRole.System).Select(message => message.Text)
            .Append(instructions)
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var prompt = string.Join("\n\n", parts);
        return prompt.Contains(MemoriesPlaceholder, StringComparison.Ordinal)
            ? prompt
            : prompt + "\n\n<memories>\n" + MemoriesPlaceholder + "\n</memories>";
    }

    // Through the shortest text of the float, so 0.7f is sent as 0.7 and not 0.699999988079071.
    private static double? AsDouble(float? value)
        => value is { } number
            ? double.Parse(number.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : null;

    private static string NewId() => Guid.NewGuid().ToString("N");
}
