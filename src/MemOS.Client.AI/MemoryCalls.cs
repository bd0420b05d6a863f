using MemOS.Client.Memories;
using MemOS.Client.Messages;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.AI;

/// <summary>
/// The two MemOS calls a memory integration makes around a model, both failing open: bounded by a
/// timeout of their own, and a failure is one log line (type, code, trace id), never the caller's.
/// </summary>
internal static class MemoryCalls
{
    /// <summary>What MemOS recalls for <paramref name="query"/>; null when it could not answer.</summary>
    public static async Task<SearchMemoryResult?> RecallAsync(
        IMemOSClient memory, string query, string? userId, string? agentId, string? conversationId,
        MemOSMemorySettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        using var bound = Bound(settings.MemoryTimeout, cancellationToken);
        try
        {
            return await memory.SearchMemoryAsync(
                new SearchMemoryRequest
                {
                    Query = query,
                    UserId = userId,
                    AgentId = agentId,
                    ConversationId = conversationId,
                    MemoryLimitNumber = settings.MemoryLimitNumber,
                    PreferenceLimitNumber = settings.PreferenceLimitNumber,
                    Relativity = settings.Relativity,
                },
                bound.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException
            && cancellationToken.IsCancellationRequested))
        {
            MemoryLog.RecallFailed(logger, exception.GetType().Name, Codes(exception));
            return null;
        }
    }

    /// <summary>Writes the turn back with add/message in async mode.</summary>
    public static async Task WriteAsync(
        IMemOSClient memory,
        string? userId,
        string? agentId,
        string? conversationId,
        IReadOnlyList<MemOSMessage> messages,
        TimeSpan timeout,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        using var bound = Bound(timeout, cancellationToken);
        try
        {
            await memory.AddMessageAsync(
                new AddMessageRequest
                {
                    UserId = userId is { } user ? OneOrManyIds.One(user) : null,
                    AgentId = agentId is { } agent ? OneOrManyIds.One(agent) : null,
                    ConversationId = conversationId,
                    Messages = messages,
                    AsyncMode = true,
                },
                bound.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The answer is already given: losing the write (even to a cancellation) must not fail it.
            MemoryLog.WriteFailed(logger, exception.GetType().Name, Codes(exception));
        }
    }

    // Only the codes the failure has: a refused connection has neither, and "(null)" tells a reader nothing.
    private static string Codes(Exception exception)
        => exception is not MemOSException failure ? string.Empty
           : (failure.Code is { } code ? $", code {code}" : string.Empty)
               + (failure.TraceId is { } traceId ? $", trace id {traceId}" : string.Empty);

    private static CancellationTokenSource Bound(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        return bound;
    }
}
