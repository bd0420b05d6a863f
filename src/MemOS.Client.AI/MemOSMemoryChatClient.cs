using System.Runtime.CompilerServices;
using System.Text;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MemOS.Client.AI;

/// <summary>
/// Gives any <see cref="IChatClient"/> MemOS long-term memory. Before each call it searches
/// MemOS for the last user message and adds what it recalls as a system message; after the
/// answer it writes the user's message and the answer back with add/message (async mode).
/// It fails open: when MemOS cannot be reached, the chat still answers and the failure is logged.
/// </summary>
/// <remarks>
/// <para>
/// The write-back is off the reply's path: the answer returns (or the stream ends) as soon as the
/// model is done, and the turn is written in the background, in order, through a bounded queue
/// (<see cref="MemOSMemorySettings.WriteBackQueueLimit"/>). Disposing the client, or the host
/// stopping when the pipeline was built by dependency injection, drains the queue for at most
/// <see cref="MemOSMemorySettings.MemoryTimeout"/>. Set <see cref="MemOSMemorySettings.AwaitWriteBack"/>
/// for the next call to be able to recall this turn.
/// </para>
/// <para>
/// A streamed answer is written back only when the stream was read to its end. A stream the
/// caller abandons (a <c>break</c>, a cancellation, an error) is not written, because storing a
/// cut-off answer would plant a partial statement in the user's memory.
/// </para>
/// </remarks>
public sealed class MemOSMemoryChatClient : DelegatingChatClient, IAsyncDisposable
{
    private readonly IMemOSClient _memory;
    private readonly MemOSMemoryOptions _options;
    private readonly ILogger _logger;
    private readonly WriteBackQueue _writeBack;

    /// <summary>Wraps a chat client with MemOS memory.</summary>
    /// <param name="innerClient">The chat client that answers.</param>
    /// <param name="memory">The MemOS client memories are searched and written with.</param>
    /// <param name="options">Template, scope and limits; the defaults when null.</param>
    public MemOSMemoryChatClient(IChatClient innerClient, IMemOSClient memory, MemOSMemoryOptions? options = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        _options = options ?? new MemOSMemoryOptions();
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MemOS.Client.AI");
        _writeBack = new WriteBackQueue(memory, _options, _logger);
    }

    /// <summary>
    /// Wraps a chat client with MemOS memory, draining the write-back queue when <paramref name="hostStopped"/> fires.
    /// </summary>
    internal MemOSMemoryChatClient(
        IChatClient innerClient,
        IMemOSClient memory,
        MemOSMemoryOptions options,
        CancellationToken hostStopped)
        : this(innerClient, memory, options)
        => _writeBack.DrainWhen(hostStopped);

    /// <summary>
    /// Writes the turns still queued (for at most <see cref="MemOSMemorySettings.MemoryTimeout"/>), then disposes the
    /// inner client.
    /// </summary>
    /// <returns>A task that completes when the queue is drained and the inner client disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _writeBack.DisposeAsync().ConfigureAwait(false);
        Dispose();
    }

    /// <inheritdoc />
    /// <remarks>
    /// Blocks until the turns still queued are written, for at most <see cref="MemOSMemorySettings.MemoryTimeout"/>;
    /// prefer <see cref="DisposeAsync"/>.
    /// </remarks>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writeBack.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var turn = await PrepareAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var response = await base.GetResponseAsync(turn.Messages, turn.Options, cancellationToken)
            .ConfigureAwait(false);
        await WriteBackAsync(turn, response.Text, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var turn = await PrepareAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var answer = new StringBuilder();
        await foreach (var update in base.GetStreamingResponseAsync(turn.Messages, turn.Options, cancellationToken)
            .ConfigureAwait(false))
        {
            answer.Append(update.Text);
            yield return update;
        }

        // Reached only when the caller read the stream to its end: a break or an exception
        // disposes this iterator before this line, so a partial answer is never stored.
        await WriteBackAsync(turn, answer.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<MemoryTurn> PrepareAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        var scope = ResolveScope(list, options);
        var forwarded = WithoutScope(options);
        var userText = list.LastOrDefault(message => message.Role == ChatRole.User)?.Text;
        if (scope is null || string.IsNullOrWhiteSpace(userText))
        {
            return new MemoryTurn(list, forwarded, null, null);
        }

        var result = await MemoryCalls.RecallAsync(
            _memory, userText, scope.UserId, scope.AgentId, scope.ConversationId,
            _options, _logger, cancellationToken).ConfigureAwait(false);
        var recalled = result is null ? null : MemoryPrompt.Render(_options.Template, result);

        if (recalled is not null)
        {
            // After the caller's own system messages, so their instructions still come first.
            var index = list.TakeWhile(message => message.Role == ChatRole.System).Count();
            list.Insert(index, new ChatMessage(ChatRole.System, recalled));
        }

        return new MemoryTurn(list, forwarded, scope, userText);
    }

    private async Task WriteBackAsync(MemoryTurn turn, string answer, CancellationToken cancellationToken)
    {
        if (!_options.WriteBack || turn.Scope is not { } scope || turn.UserText is not { } userText)
        {
            return;
        }

        List<MemOSMessage> written = [MemOSMessage.User(userText)];
        if (!string.IsNullOrWhiteSpace(answer))
        {
            written.Add(MemOSMessage.Assistant(answer));
        }

        await _writeBack.WriteAsync(scope.UserId, scope.AgentId, scope.ConversationId, written, cancellationToken)
            .ConfigureAwait(false);
    }

    private MemOSMemoryScope? ResolveScope(List<ChatMessage> messages, ChatOptions? options)
    {
        var resolved = _options.ScopeResolver?.Invoke(messages, options);
        var scope = MemOSMemoryScope.FromProperties(options?.AdditionalProperties, resolved);
        if (scope is { HasSubject: true })
        {
            return scope;
        }

        if (_options.ScopeResolver is null)
        {
            throw new InvalidOperationException(
                "MemOS memory needs to know whose memory to use: set "
                + $"ChatOptions.AdditionalProperties[\"{MemOSMemoryScope.UserIdKey}\"] "
                + $"(or \"{MemOSMemoryScope.AgentIdKey}\"), or MemOSMemoryOptions.ScopeResolver.");
        }

        // The resolver chose no memory for this call.
        return null;
    }

    // The ids are for MemOS; some chat clients copy unknown properties into the model request.
    private static ChatOptions? WithoutScope(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.Keys.Any(MemOSMemoryScope.IsScopeKey))
        {
            return options;
        }

        var copy = options.Clone();
        copy.AdditionalProperties = new AdditionalPropertiesDictionary(
            properties.Where(property => !MemOSMemoryScope.IsScopeKey(property.Key)));
        return copy;
    }

    private sealed record MemoryTurn(
        List<ChatMessage> Messages,
        ChatOptions? Options,
        MemOSMemoryScope? Scope,
        string? UserText);
}
