using MemOS.Client.AI;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MemOS.Client.Agents;

/// <summary>
/// MemOS long-term memory for Microsoft Agent Framework agents. Before each run it searches MemOS
/// for the caller's last message and adds the recalled facts and preferences to the run's
/// instructions; after a successful run it writes the caller's messages and the agent's answer
/// back with add/message (async mode). A failed run is not written. It fails open: when MemOS
/// cannot be reached the agent still answers, and the failure is logged once.
/// </summary>
/// <remarks>
/// <para>
/// The write-back is off the run's path: the run returns as soon as the agent has answered, and the
/// turn is written in the background, in order, through a bounded queue
/// (<see cref="MemOSMemorySettings.WriteBackQueueLimit"/>). Disposing the provider, or the host stopping
/// when it was registered with <c>AddMemOSContextProvider</c>, drains the queue for at most
/// <see cref="MemOSMemorySettings.MemoryTimeout"/>. Set <see cref="MemOSMemorySettings.AwaitWriteBack"/>
/// for the next run to be able to recall this one.
/// </para>
/// <para>
/// Register it on the agent (<c>ChatClientAgentOptions.AIContextProviders</c>) or in its chat
/// pipeline (<c>ChatClientBuilder.UseAIContextProviders</c>). One provider serves every session of
/// an agent: the scope (user, conversation, agent) of each session is made once, on the session's
/// first run, and kept in the session's <c>StateBag</c>, so it is saved and restored with the session.
/// </para>
/// <para>
/// Recalled memories go into the run's instructions rather than its messages, so they are not
/// stored into the chat history and re-sent, stale, on later runs.
/// </para>
/// </remarks>
public sealed class MemOSContextProvider : AIContextProvider, IAsyncDisposable, IDisposable
{
    private readonly IMemOSClient _memory;
    private readonly Func<AgentSession?, MemOSMemoryScope> _scope;
    private readonly MemOSContextProviderOptions _options;
    private readonly ProviderSessionState<SessionScope> _state;
    private readonly ILogger _logger;
    private readonly WriteBackQueue _writeBack;

    /// <summary>Creates a provider.</summary>
    /// <param name="memory">The MemOS client memories are searched and written with; it is not disposed with the
    /// provider.</param>
    /// <param name="scope">
    /// Makes the scope of a session on its first run (the session is null for a run without one).
    /// It must name a user or an agent. Leave <see cref="MemOSMemoryScope.ConversationId"/> null to
    /// give each session a conversation id of its own, generated once and kept in the session.
    /// </param>
    /// <param name="options">Template, limits, timeout, state key and logger; the defaults when null.</param>
    public MemOSContextProvider(
        IMemOSClient memory,
        Func<AgentSession?, MemOSMemoryScope> scope,
        MemOSContextProviderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(scope);
        _memory = memory;
        _scope = scope;
        _options = options ?? new MemOSContextProviderOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.StateKey, "options.StateKey");
        _state = new ProviderSessionState<SessionScope>(
            CreateScope,
            _options.StateKey,
            MemOSAgentsJsonContext.Default.Options);
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MemOS.Client.Agents");
        _writeBack = new WriteBackQueue(memory, _options, _logger);
    }

    /// <summary>
    /// Creates a provider that drains its write-back queue when <paramref name="hostStopped"/> fires.
    /// </summary>
    internal MemOSContextProvider(
        IMemOSClient memory,
        Func<AgentSession?, MemOSMemoryScope> scope,
        MemOSContextProviderOptions options,
        CancellationToken hostStopped)
        : this(memory, scope, options)
        => _writeBack.DrainWhen(hostStopped);

    /// <summary>
    /// Writes the turns still queued, for at most <see cref="MemOSMemorySettings.MemoryTimeout"/>. The MemOS client is
    /// not disposed.
    /// </summary>
    /// <returns>A task that completes when the queue is drained.</returns>
    public ValueTask DisposeAsync() => _writeBack.DisposeAsync();

    /// <summary>
    /// Blocks until the turns still queued are written, for at most <see cref="MemOSMemorySettings.MemoryTimeout"/>;
    /// prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose() => _writeBack.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override IReadOnlyList<string> StateKeys => [_state.StateKey];

    /// <summary>The scope a session reads and writes: made on its first run, then kept in its state.</summary>
    /// <param name="session">The session; null for a run without one (then nothing is kept).</param>
    /// <returns>The session's user, conversation and agent ids.</returns>
    public MemOSMemoryScope GetScope(AgentSession? session)
    {
        var scope = _state.GetOrInitializeState(session);
        return new MemOSMemoryScope
        {
            UserId = scope.UserId,
            ConversationId = scope.ConversationId,
            AgentId = scope.AgentId,
        };
    }

    /// <inheritdoc />
    protected override async ValueTask<AIContext> ProvideAIContextAsync(
        InvokingContext context,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.AIContext.Messages?.LastOrDefault(message => message.Role == ChatRole.User)?.Text;
        if (string.IsNullOrWhiteSpace(query))
        {
            return new AIContext();
        }

        var scope = _state.GetOrInitializeState(context.Session);
        var result = await MemoryCalls.RecallAsync(
            _memory, query, scope.UserId, scope.AgentId, scope.ConversationId,
            _options, _logger, cancellationToken).ConfigureAwait(false);
        return result is null ? new AIContext() : new AIContext
        {
            Instructions = MemoryPrompt.Render(_options.Template, result),
        };
    }

    /// <inheritdoc />
    /// <remarks>Called by the framework only after a successful run: a failed run is never written.</remarks>
    protected override async ValueTask StoreAIContextAsync(
        InvokedContext context,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_options.WriteBack)
        {
            return;
        }

        // Only the conversation itself: tool calls, tool results and system text are not statements to remember.
        var written = context.RequestMessages.Concat(context.ResponseMessages ?? [])
            .Select(ToMemOS)
            .OfType<MemOSMessage>()
            .ToList();
        if (!written.Any(message => message.Role == MessageRole.User))
        {
            return;
        }

        var scope = _state.GetOrInitializeState(context.Session);
        await _writeBack.WriteAsync(scope.UserId, scope.AgentId, scope.ConversationId, written, cancellationToken)
            .ConfigureAwait(false);
    }

    private SessionScope CreateScope(AgentSession? session)
    {
        var scope = _scope(session)
                    ?? throw new InvalidOperationException("The MemOSContextProvider scope function returned null; it "
                        + "must return the user or agent whose memory a session uses.");
        if (!scope.HasSubject)
        {
            throw new InvalidOperationException("The MemOSContextProvider scope names neither a user nor an agent: set "
                + "MemOSMemoryScope.UserId or AgentId.");
        }

        // A session of its own gets a conversation of its own; without a session there is nothing to keep one in.
        var conversationId = scope.ConversationId ?? (session is null ? null : Guid.NewGuid().ToString("N"));
        return new SessionScope(scope.UserId, conversationId, scope.AgentId);
    }

    private static MemOSMessage? ToMemOS(ChatMessage message)
        => string.IsNullOrWhiteSpace(message.Text) ? null
           : message.Role == ChatRole.User ? MemOSMessage.User(message.Text)
           : message.Role == ChatRole.Assistant ? MemOSMessage.Assistant(message.Text)
           : null;
}
