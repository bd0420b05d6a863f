using System.Collections.Concurrent;
using System.Threading.Channels;
using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>
/// Runs one import: a reader plans each conversation's requests, and up to
/// <see cref="ImportOptions.MaxConcurrency"/> workers each send one conversation's requests in
/// order, within the adaptive limit. A conversation's requests never overlap, so the service
/// receives its messages in their original order.
/// </summary>
internal sealed class BulkImporter
{
    private readonly IMemOSClient _client;
    private readonly ImportOptions _options;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly TimeProvider _time;
    private readonly AdaptiveConcurrency _concurrency;
    private readonly long _started;
    private readonly ConcurrentQueue<ImportRange> _written = new();
    private readonly ConcurrentQueue<ImportFailure> _mayHaveBeenApplied = new();
    private readonly ConcurrentQueue<ImportFailure> _notApplied = new();
    private long _conversationsRead;
    private long _conversationsDone;
    private long _messagesRead;
    private long _messagesWritten;
    private long _messagesSkipped;
    private long _messagesMayHaveBeenApplied;
    private long _messagesNotApplied;
    private int _rateLimitWaits;
    private bool _sourceEnded;

    public BulkImporter(IMemOSClient client, ImportOptions options, IProgress<ImportProgress>? progress)
    {
        _client = client;
        _options = options;
        _progress = progress;
        _time = options.TimeProvider ?? TimeProvider.System;
        _concurrency = new AdaptiveConcurrency(options.InitialConcurrency, options.MaxConcurrency, _time);
        _started = _time.GetTimestamp();
    }

    public async Task<ImportReport> RunAsync(IAsyncEnumerable<ConversationImport> source, CancellationToken cancellationToken)
    {
        var plans = Channel.CreateBounded<ConversationPlan>(new BoundedChannelOptions(_options.MaxConcurrency * 2) { SingleWriter = true });
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
            Cancelled = cancellationToken.IsCancellationRequested,
        };
    }

    private async Task<ConversationPlan?> PlanAsync(ConversationImport conversation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _conversationsRead);
        if (conversation is null || string.IsNullOrWhiteSpace(conversation.UserId) || string.IsNullOrWhiteSpace(conversation.ConversationId) || conversation.Messages is null)
        {
            // Without ids there is nothing to name in a report or checkpoint beyond the position.
            var range = new ImportRange(conversation?.UserId ?? string.Empty, conversation?.ConversationId ?? string.Empty, 0, conversation?.Messages?.Count ?? 0);
            NotApplied(range, new ArgumentException($"Conversation #{Interlocked.Read(ref _conversationsRead)} needs user_id, conversation_id and messages."));
            Interlocked.Increment(ref _conversationsDone);
            return null;
        }

        Interlocked.Add(ref _messagesRead, conversation.Messages.Count);
        var recorded = _options.Checkpoint is { } checkpoint
            ? await checkpoint.GetEntriesAsync(conversation.UserId, conversation.ConversationId, cancellationToken).ConfigureAwait(false)
            : [];

        // For the same messages the last entry counts; NotApplied ones are sent again.
        var handled = recorded
            .GroupBy(e => (e.Start, e.Count))
            .Select(g => g.Last())
            .Where(e => e.Outcome != ImportOutcome.NotApplied)
            .ToList();
        var uncertain = handled.Where(e => e.Outcome != ImportOutcome.Written).ToList();
        foreach (var entry in uncertain)
        {
            var reason = entry.Outcome == ImportOutcome.Sending
                ? "An earlier run of this import stopped while this request was in flight, so it may have been applied; it is not sent again."
                : "An earlier run of this import recorded that this request may have been applied; it is not sent again.";
            _mayHaveBeenApplied.Enqueue(new ImportFailure(entry.ToRange(), new MemOSException(reason)));
            Interlocked.Add(ref _messagesMayHaveBeenApplied, entry.Count);
        }

        var plan = ConversationPlan.Create(conversation, handled, _options);
        Interlocked.Add(ref _messagesSkipped, plan.Skipped - uncertain.Sum(e => e.Count));
        if (plan.Chunks.Count == 0)
        {
            Interlocked.Increment(ref _conversationsDone);
            Report();
            return null;
        }

        return plan;
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
        for (var i = 0; i < plan.Chunks.Count; i++)
        {
            var chunk = plan.Chunks[i];
            var sent = chunk.TooLarge
                ? Fail(chunk, new ArgumentException($"Message {chunk.Range.Start} of {chunk.Range.UserId}/{chunk.Range.ConversationId} alone is estimated at more than {_options.MaxTokensPerRequest} tokens, the most one request may carry; shorten or split it."))
                : await SendAsync(plan.Conversation, chunk, cancellationToken).ConfigureAwait(false);
            if (!sent)
            {
                // Sending the later messages now would store them before these, out of order; a
                // later run sends them all once the cause is fixed.
                foreach (var rest in plan.Chunks.Skip(i + 1))
                {
                    NotApplied(rest.Range, new InvalidOperationException($"Not sent: an earlier request of conversation {rest.Range.UserId}/{rest.Range.ConversationId} was not applied, and its messages must be written in order."));
                }

                break;
            }
        }

        Interlocked.Increment(ref _conversationsDone);
        Report();
    }

    /// <returns>Whether the conversation may go on: the chunk was written or may have been.</returns>
    private async Task<bool> SendAsync(ConversationImport conversation, ImportChunk chunk, CancellationToken cancellationToken)
    {
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

        for (var attempt = 1; ; attempt++)
        {
            var epoch = await _concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);

            // Recorded before sending, so that a run killed mid-request leaves "may have been
            // applied" behind rather than nothing, and a later run does not send it again.
            await RecordAsync(chunk.Range, ImportOutcome.Sending).ConfigureAwait(false);
            try
            {
                // Not cancelled once sent: the answer decides whether the write happened, and the
                // SDK's own timeouts bound the wait.
                await _client.AddMessageAsync(request, CancellationToken.None).ConfigureAwait(false);
                _concurrency.Succeeded();
                await RecordAsync(chunk.Range, ImportOutcome.Written).ConfigureAwait(false);
                _written.Enqueue(chunk.Range);
                Interlocked.Add(ref _messagesWritten, chunk.Range.Count);
                Report();
                return true;
            }
            catch (MemOSException error) when (error.WriteMayHaveBeenApplied)
            {
                _concurrency.Failed();
                await RecordAsync(chunk.Range, ImportOutcome.MayHaveBeenApplied).ConfigureAwait(false);
                _mayHaveBeenApplied.Enqueue(new ImportFailure(chunk.Range, error));
                Interlocked.Add(ref _messagesMayHaveBeenApplied, chunk.Range.Count);
                Report();
                return true;
            }
            catch (MemOSRateLimitException error)
            {
                await RecordAsync(chunk.Range, ImportOutcome.NotApplied).ConfigureAwait(false);
                if (_concurrency.RateLimited(epoch, error.RetryAfter ?? _options.RateLimitDelay))
                {
                    Interlocked.Increment(ref _rateLimitWaits);
                }

                Report();
                if (attempt >= _options.MaxAttemptsPerRequest)
                {
                    return Fail(chunk, error);
                }
            }
            catch (MemOSException error) when (error.IsTransient)
            {
                // Certainly not applied (the connection never opened, say): try again after a pause.
                _concurrency.Failed();
                await RecordAsync(chunk.Range, ImportOutcome.NotApplied).ConfigureAwait(false);
                if (attempt >= _options.MaxAttemptsPerRequest)
                {
                    return Fail(chunk, error);
                }

                await Task.Delay(_options.RateLimitDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is MemOSException or ArgumentException)
            {
                _concurrency.Failed();
                await RecordAsync(chunk.Range, ImportOutcome.NotApplied).ConfigureAwait(false);
                return Fail(chunk, error);
            }
        }
    }

    private bool Fail(ImportChunk chunk, Exception error)
    {
        NotApplied(chunk.Range, error);
        return false;
    }

    private void NotApplied(ImportRange range, Exception error)
    {
        _notApplied.Enqueue(new ImportFailure(range, error));
        Interlocked.Add(ref _messagesNotApplied, range.Count);
        Report();
    }

    private ValueTask RecordAsync(ImportRange range, ImportOutcome outcome)
        => _options.Checkpoint?.RecordAsync(
               new ImportCheckpointEntry { UserId = range.UserId, ConversationId = range.ConversationId, Start = range.Start, Count = range.Count, Outcome = outcome },
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
            MessagesRead = Interlocked.Read(ref _messagesRead),
            MessagesWritten = Interlocked.Read(ref _messagesWritten),
            MessagesSkipped = Interlocked.Read(ref _messagesSkipped),
            MessagesMayHaveBeenApplied = Interlocked.Read(ref _messagesMayHaveBeenApplied),
            MessagesNotApplied = Interlocked.Read(ref _messagesNotApplied),
            InFlight = _concurrency.InFlight,
            Concurrency = _concurrency.Limit,
            RateLimitWaits = Volatile.Read(ref _rateLimitWaits),
            Elapsed = elapsed,
        };

        long? total = Volatile.Read(ref _sourceEnded) ? snapshot.MessagesRead : _options.ExpectedMessages;
        var sent = snapshot.MessagesDone - snapshot.MessagesSkipped;
        if (total is { } all && sent > 0 && elapsed > TimeSpan.Zero)
        {
            var remaining = Math.Max(0, all - snapshot.MessagesDone);
            snapshot = snapshot with { EstimatedRemaining = TimeSpan.FromTicks((long)(elapsed.Ticks * ((double)remaining / sent))) };
        }

        return snapshot;
    }
}
