using System.Collections.Concurrent;
using System.Threading.Channels;
using MemOS.Client.Messages;
using MemOS.Client.Resilience;

namespace MemOS.Client.Import;

/// <summary>
/// Runs one import: a reader plans each line's requests, and up to
/// <see cref="ImportOptions.MaxConcurrency"/> workers each send one line's requests in order,
/// within the adaptive limit. A conversation's requests never overlap (a line waits for the earlier
/// lines of its conversation), so the service receives its messages in their original order. A
/// request that may have been applied is settled by reading the conversation back.
/// </summary>
internal sealed class BulkImporter
{
    private readonly IMemOSClient _client;
    private readonly ImportOptions _options;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly TimeProvider _time;
    private readonly AdaptiveConcurrency _concurrency;
    private readonly long _started;
    private readonly long? _expected;
    private readonly ConcurrentQueue<ImportRange> _written = new();
    private readonly ConcurrentQueue<ImportFailure> _mayHaveBeenApplied = new();
    private readonly ConcurrentQueue<ImportFailure> _notApplied = new();
    private Action _stopAll = static () => { };
    private MemOSException? _stoppedBy;

    // Touched only by the reader, in file order.
    private readonly Dictionary<(string UserId, string ConversationId), ConversationState> _conversations = [];
    private long _conversationsRead;
    private long _conversationsDistinct;
    private long _conversationsDone;
    private long _messagesRead;
    private long _messagesWritten;
    private long _messagesSkipped;
    private long _messagesMayHaveBeenApplied;
    private long _messagesNotApplied;
    private int _rateLimitWaits;
    private int _writesSettled;
    private int _readBacks;
    private bool _sourceEnded;

    /// <param name="client">The client.</param>
    /// <param name="options">The options.</param>
    /// <param name="progress">Receives snapshots.</param>
    /// <param name="counted">The number of messages the source holds when a check of it counted them, else
    /// <see cref="ImportOptions.ExpectedMessages"/>.</param>
    public BulkImporter(
        IMemOSClient client,
        ImportOptions options,
        IProgress<ImportProgress>? progress,
        long? counted = null)
    {
        _expected = counted ?? options.ExpectedMessages;
        _client = client;
        _options = options;
        _progress = progress;
        _time = options.TimeProvider ?? TimeProvider.System;
        _concurrency = new AdaptiveConcurrency(options.InitialConcurrency, options.MaxConcurrency, _time);
        _started = _time.GetTimestamp();
    }

    public async Task<ImportReport> RunAsync(IAsyncEnumerable<ConversationImport> source, CancellationToken cancelled)
    {
        // Cancelled by the caller, or by a failure that every later request would meet too.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancelled);
        _stopAll = linked.Cancel;
        var cancellationToken = linked.Token;
        var plans = Channel.CreateBounded<ConversationPlan>(new BoundedChannelOptions(_options.MaxConcurrency * 2)
        {
            SingleWriter = true,
        });
        var workers = new Task[_options.MaxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(plans.Reader, cancellationToken), CancellationToken.None);
        }

        try
        {
            await foreach (var conversation in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (await PlanAsync(conversation, cancellationToken).ConfigureAwait(false) is { } plan)
                {
                    await plans.Writer.WriteAsync(plan, cancellationToken).ConfigureAwait(false);
                }
            }

            Volatile.Write(ref _sourceEnded, true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The workers see the same token: they finish the requests in flight and stop.
        }
        catch
        {
            // A source that fails (a malformed line) ends the import, but only after the requests
            // already planned are sent and recorded, so a checkpoint stays exact.
            plans.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
            throw;
        }
        finally
        {
            plans.Writer.TryComplete();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var last = Snapshot();
        _progress?.Report(last);
        return new ImportReport
        {
            Progress = last,
            Written = [.. _written],
            MayHaveBeenApplied = [.. _mayHaveBeenApplied],
            NotApplied = [.. _notApplied],
            Cancelled = cancelled.IsCancellationRequested,
            StoppedBy = _stoppedBy,
        };
    }

    private async Task<ConversationPlan?> PlanAsync(
        ConversationImport conversation,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _conversationsRead);
        if (conversation is null || string.IsNullOrWhiteSpace(conversation.UserId)
            || string.IsNullOrWhiteSpace(conversation.ConversationId)
            || conversation.Messages is null
            || conversation.Messages.Any(m => m is null))
        {
            // Without ids there is nothing to name in a report or checkpoint beyond the position.
            var range = new ImportRange(
                conversation?.UserId ?? string.Empty,
                conversation?.ConversationId ?? string.Empty,
                0,
                conversation?.Messages?.Count ?? 0);
            NotApplied(range, new ArgumentException($"Conversation #{Interlocked.Read(ref _conversationsRead)} needs "
                + "user_id, conversation_id and messages, none of them null."));
            Interlocked.Increment(ref _conversationsDone);
            return null;
        }

        Interlocked.Add(ref _messagesRead, conversation.Messages.Count);

        // Lines of the same user and conversation continue it: their messages get the next indexes,
        // so checkpoint entries never collide, and each line waits for the one before.
        var key = (conversation.UserId, conversation.ConversationId);
        if (!_conversations.TryGetValue(key, out var state))
        {
            _conversations[key] = state = new ConversationState();
            Interlocked.Increment(ref _conversationsDistinct);
        }

        if (state.Blocked is { } blocked)
        {
            NotApplied(new ImportRange(
                conversation.UserId,
                conversation.ConversationId,
                state.Next,
                conversation.Messages.Count), new InvalidOperationException($"Not sent: {blocked}, and a "
                    + "conversation's messages must be written in order; fix it and run again."));
            Interlocked.Increment(ref _conversationsDone);
            return null;
        }

        IReadOnlyList<ImportCheckpointEntry> entries = _options.Checkpoint is { } checkpoint
            ? await checkpoint.GetEntriesAsync(conversation.UserId, conversation.ConversationId, cancellationToken)
                .ConfigureAwait(false)
            : [];
        var plan = ConversationPlan.Create(
            conversation,
            state.Next,
            state.Tail,
            entries,
            state.Changed,
            state.Previous,
            _options);
        state.Next += conversation.Messages.Count;
        state.Tail = [.. state.Tail.Concat(conversation.Messages).TakeLast(ReadBack.Limit)];
        state.Previous = plan.Done.Task;
        state.Changed = plan.Changed;
        Interlocked.Add(ref _messagesSkipped, plan.Skipped);
        return plan;
    }

    /// <summary>
    /// Told by the source that a line of a conversation was invalid (and skipped): the conversation's
    /// later lines are not sent, since their messages would be stored before the skipped ones.
    /// </summary>
    public void Block(string userId, string conversationId, string reason)
    {
        var key = (userId, conversationId);
        if (!_conversations.TryGetValue(key, out var state))
        {
            _conversations[key] = state = new ConversationState();
            Interlocked.Increment(ref _conversationsDistinct);
        }

        state.Blocked ??= reason;
    }

    private async Task WorkAsync(ChannelReader<ConversationPlan> plans, CancellationToken cancellationToken)
    {
        try
        {
            while (await plans.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (!cancellationToken.IsCancellationRequested && plans.TryRead(out var plan))
                {
                    await SendConversationAsync(plan, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled between requests: what was not sent is left for the next run.
        }
    }

    private async Task SendConversationAsync(ConversationPlan plan, CancellationToken cancellationToken)
    {
        // Stays false unless every step finished: a line cut short by cancellation stops the later lines too.
        var goOn = false;
        try
        {
            if (!await plan.Previous.ConfigureAwait(false))
            {
                foreach (var chunk in plan.Chunks)
                {
                    NotApplied(chunk.Range, new InvalidOperationException("Not sent: an earlier line of conversation "
                        + $"{chunk.Range.UserId}/{chunk.Range.ConversationId} was not applied, and its messages must "
                        + "be written in order."));
                }

                return;
            }

            for (var i = 0; i < plan.Chunks.Count; i++)
            {
                var chunk = plan.Chunks[i];
                var next = chunk.Kind switch
                {
                    ChunkKind.TooLarge => Fail(chunk.Range, TooLarge(chunk.Range)),
                    ChunkKind.Uncertain => MayHaveBeenApplied(chunk.Range, new MemOSException("An earlier run of this "
                        + "import may have applied these messages and wrote later ones of the conversation after them, "
                        + "so reading the conversation back cannot place them; they are not sent again.")),
                    ChunkKind.Settle when !_options.SettleAmbiguousWrites => MayHaveBeenApplied(
                        chunk.Range,
                        new MemOSException("An earlier run of this import may have applied these messages (it "
                            + "stopped while they were in flight, or their answer was lost); settling is off, so they "
                            + "are not sent again.")),
                    ChunkKind.Settle => await SettleAsync(
                        plan,
                        chunk.Range,
                        "An earlier run of this import may have applied these messages",
                        round: 1,
                        cancellationToken).ConfigureAwait(false),
                    ChunkKind.Replan when !_options.SettleAmbiguousWrites => MayHaveBeenApplied(
                        chunk.Range,
                        new MemOSException("The checkpoint recorded other messages at this place of the conversation "
                            + "(the input changed since), so it does not tell whether these were written; settling is "
                            + "off, so they are not sent.")),
                    ChunkKind.Replan => await SettleAsync(plan, chunk.Range, "The checkpoint recorded other messages "
                        + "at this place of the conversation (the input changed since), so it does not tell whether "
                        + "these were written", round: 1, cancellationToken).ConfigureAwait(false),
                    _ => await SendAsync(plan, chunk, settled: 0, cancellationToken).ConfigureAwait(false),
                };
                if (!next)
                {
                    // Sending the later messages now would store them before these, out of order; a
                    // later run sends them all once the cause is fixed.
                    foreach (var rest in plan.Chunks.Skip(i + 1))
                    {
                        NotApplied(rest.Range, new InvalidOperationException("Not sent: earlier messages of "
                            + $"conversation {rest.Range.UserId}/{rest.Range.ConversationId} were not applied, and its "
                            + "messages must be written in order."));
                    }

                    return;
                }
            }

            goOn = true;
        }
        finally
        {
            plan.Done.TrySetResult(goOn);
            Interlocked.Increment(ref _conversationsDone);
            Report();
        }
    }

    /// <returns>Whether the conversation may go on: every message was written, found written, or may have
    /// been.</returns>
    /// <param name="plan">The conversation.</param>
    /// <param name="chunk">The messages to send.</param>
    /// <param name="settled">How many times messages of this chunk were settled and sent again already.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    private async Task<bool> SendAsync(
        ConversationPlan plan,
        ImportChunk chunk,
        int settled,
        CancellationToken cancellationToken)
    {
        var conversation = plan.Conversation;
        var request = new AddMessageRequest
        {
            UserId = conversation.UserId,
            ConversationId = conversation.ConversationId,
            Messages = chunk.Messages,
            AgentId = conversation.AgentId,
            AppId = conversation.AppId,
            Tags = conversation.Tags,
            AsyncMode = _options.AsyncMode,
        };

        var epoch = await _concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);

        // Recorded before sending, so that a run killed mid-request leaves "may have been applied"
        // behind rather than nothing, and a later run settles it instead of sending it again.
        await RecordAsync(plan, chunk.Range, ImportOutcome.Sending).ConfigureAwait(false);
        var scope = new AttemptScope(_options.MaxRetriesPerRequest, retryAfter =>
        {
            epoch = _concurrency.RateLimited(epoch, retryAfter ?? _options.RateLimitDelay, out var paused);
            if (paused)
            {
                Interlocked.Increment(ref _rateLimitWaits);
            }

            Report();
        });
        try
        {
            // The client is the one owner of retries (rate limits, failures that never reached the
            // service); the scope lets the import hear of each rate limit as it happens. Not
            // cancelled once sent: the answer decides whether the write happened.
            using (scope.Enter())
            {
                await _client.AddMessageAsync(request, CancellationToken.None).ConfigureAwait(false);
            }

            _concurrency.Succeeded();
        }
        catch (MemOSException error) when (error.WriteMayHaveBeenApplied)
        {
            _concurrency.Failed();
            if (!_options.SettleAmbiguousWrites)
            {
                await RecordAsync(plan, chunk.Range, ImportOutcome.MayHaveBeenApplied).ConfigureAwait(false);
                return MayHaveBeenApplied(chunk.Range, error);
            }

            return await SettleAsync(plan, chunk.Range, error.Message, settled + 1, cancellationToken).ConfigureAwait(
                false);
        }
        catch (Exception error) when (error is MemOSException or ArgumentException)
        {
            _concurrency.Failed();
            if (error is MemOSAuthenticationException or MemOSQuotaExceededException)
            {
                // Every later request would be refused the same way: stop at the first, with its fix.
                Interlocked.CompareExchange(ref _stoppedBy, (MemOSException)error, null);
                _stopAll();
            }

            await RecordAsync(plan, chunk.Range, ImportOutcome.NotApplied).ConfigureAwait(false);
            return Fail(chunk.Range, error);
        }

        await WrittenAsync(plan, chunk.Range).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Reads the conversation back to tell how much of a range that may have been applied is there;
    /// what is there counts as written, what is missing is sent (and settled again if need be).
    /// </summary>
    /// <param name="plan">The conversation.</param>
    /// <param name="range">The messages that may have been applied.</param>
    /// <param name="why">Why they may have been.</param>
    /// <param name="round">Which settling of the original request this is, from 1; what is missing is sent again only
    /// while this is within <see cref="ImportOptions.MaxRetriesPerRequest"/>.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    private async Task<bool> SettleAsync(
        ConversationPlan plan,
        ImportRange range,
        string why,
        int round,
        CancellationToken cancellationToken)
    {
        ReadBack.Decision decision;
        try
        {
            // A request the service is still working on should land before the read.
            await Task.Delay(_options.SettleDelay, _time, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _readBacks);
            var stored = await _client.GetMessagesAsync(
                new GetMessageRequest
                {
                    UserId = range.UserId,
                    ConversationId = range.ConversationId,
                    MessageLimitNumber = ReadBack.Limit,
                },
                cancellationToken).ConfigureAwait(false);
            decision = ReadBack.Decide(plan.MessagesBefore(range.Start), plan.MessagesOf(range), stored.Messages);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            decision = new(null, "the import was cancelled before the conversation was read back");
        }
        catch (MemOSException error)
        {
            decision = new(null, $"reading the conversation back failed ({error.Message})");
        }

        if (decision.Applied is not { } applied)
        {
            await RecordAsync(plan, range, ImportOutcome.MayHaveBeenApplied).ConfigureAwait(false);
            return MayHaveBeenApplied(range, new MemOSException(
                $"{why.TrimEnd('.')}; not settled: {decision.Reason}. These messages are not sent again."));
        }

        Interlocked.Increment(ref _writesSettled);
        if (applied > 0)
        {
            await WrittenAsync(plan, range with { Count = applied }).ConfigureAwait(false);
        }

        if (applied == range.Count)
        {
            return true;
        }

        var missing = range with { Start = range.Start + applied, Count = range.Count - applied };
        await RecordAsync(plan, missing, ImportOutcome.NotApplied).ConfigureAwait(false);

        // Settle, send what is missing, settle again: against a service that keeps losing answers this
        // would never end. The read-back has just shown these messages missing, so they are not applied.
        if (round > _options.MaxRetriesPerRequest)
        {
            return Fail(missing, new MemOSException($"{why.TrimEnd('.')}; read back after {round} sends whose answers "
                + "were lost, these messages are not stored. They are not sent again: that is more than the "
                + $"{_options.MaxRetriesPerRequest} retries one request may take (MaxRetriesPerRequest)."));
        }

        foreach (var chunk in ConversationPlan.Split(missing, plan.MessagesOf(missing), _options))
        {
            var goOn = chunk.Kind == ChunkKind.TooLarge
                ? Fail(chunk.Range, TooLarge(chunk.Range))
                : await SendAsync(plan, chunk, round, cancellationToken).ConfigureAwait(false);
            if (!goOn)
            {
                return false;
            }
        }

        return true;
    }

    private ArgumentException TooLarge(ImportRange range)
        => new($"Message {range.Start} of {range.UserId}/{range.ConversationId} alone is estimated at more than "
            + $"{_options.MaxTokensPerRequest} tokens, the most one request may carry; shorten or split it.");

    private async Task WrittenAsync(ConversationPlan plan, ImportRange range)
    {
        await RecordAsync(plan, range, ImportOutcome.Written).ConfigureAwait(false);
        _written.Enqueue(range);
        Interlocked.Add(ref _messagesWritten, range.Count);
        Report();
    }

    private bool MayHaveBeenApplied(ImportRange range, Exception error)
    {
        _mayHaveBeenApplied.Enqueue(new ImportFailure(range, error));
        Interlocked.Add(ref _messagesMayHaveBeenApplied, range.Count);
        Report();
        return true;
    }

    private bool Fail(ImportRange range, Exception error)
    {
        NotApplied(range, error);
        return false;
    }

    private void NotApplied(ImportRange range, Exception error)
    {
        _notApplied.Enqueue(new ImportFailure(range, error));
        Interlocked.Add(ref _messagesNotApplied, range.Count);
        Report();
    }

    /// <summary>
    /// Records the outcome of a range with a hash of its messages, so a later run trusts it only for the same messages.
    /// </summary>
    private ValueTask RecordAsync(ConversationPlan plan, ImportRange range, ImportOutcome outcome)
        => _options.Checkpoint?.RecordAsync(
               new ImportCheckpointEntry
               {
                   UserId = range.UserId,
                   ConversationId = range.ConversationId,
                   Start = range.Start,
                   Count = range.Count,
                   Outcome = outcome,
                   ContentHash = ImportContentHash.Of(plan.MessagesOf(range)),
               },
               CancellationToken.None)
           ?? ValueTask.CompletedTask;

    private void Report() => _progress?.Report(Snapshot());

    private ImportProgress Snapshot()
    {
        var elapsed = _time.GetElapsedTime(_started);
        var snapshot = new ImportProgress
        {
            ConversationsRead = Interlocked.Read(ref _conversationsRead),
            ConversationsDone = Interlocked.Read(ref _conversationsDone),
            Conversations = Interlocked.Read(ref _conversationsDistinct),
            MessagesRead = Interlocked.Read(ref _messagesRead),
            MessagesWritten = Interlocked.Read(ref _messagesWritten),
            MessagesSkipped = Interlocked.Read(ref _messagesSkipped),
            MessagesMayHaveBeenApplied = Interlocked.Read(ref _messagesMayHaveBeenApplied),
            MessagesNotApplied = Interlocked.Read(ref _messagesNotApplied),
            InFlight = _concurrency.InFlight,
            Concurrency = _concurrency.Limit,
            RateLimitWaits = Volatile.Read(ref _rateLimitWaits),
            WritesSettled = Volatile.Read(ref _writesSettled),
            ReadBacks = Volatile.Read(ref _readBacks),
            Elapsed = elapsed,
        };

        long? total = Volatile.Read(ref _sourceEnded) ? snapshot.MessagesRead : _expected;
        var sent = snapshot.MessagesDone - snapshot.MessagesSkipped;
        if (total is { } all && sent > 0 && elapsed > TimeSpan.Zero)
        {
            var remaining = Math.Max(0, all - snapshot.MessagesDone);
            snapshot = snapshot with { EstimatedRemaining = TimeSpan.FromTicks(
                (long)(elapsed.Ticks * ((double)remaining / sent))) };
        }

        return snapshot;
    }
}
