using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace MemOS.Client.Telemetry;

/// <summary>
/// The span and measurements of one MemOS call. The transport starts it and ends it (a stream's
/// reader, when the stream ends); the resilience handler finds it on the request to count retries
/// and rate limits, so the span can carry the count whatever handler chain the app built.
/// </summary>
internal sealed class OperationTelemetry : IDisposable
{
    // The measurements' tags; null when no instrument had a listener as the call started.
    private readonly StrongBox<TagList>? _tags;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string? _genAIOperation;
    private readonly bool _captureContent;
    private int _retries;
    private int _rateLimits;
    private int _retriesAfterPossibleApply;
    private bool _firstEventSeen;
    private bool _ended;

    private OperationTelemetry(
        StrongBox<TagList>? tags,
        Activity? activity,
        string? genAIOperation,
        bool captureContent)
    {
        _tags = tags;
        _activity = activity;
        _genAIOperation = genAIOperation;
        _captureContent = captureContent;
    }

    /// <summary>
    /// Starts the span of a call; it becomes <see cref="Activity.Current"/> for the HTTP work under it.
    /// </summary>
    /// <param name="operation">The operation's name, its route such as <c>search/memory</c>: never anything from the
    /// request body.</param>
    /// <param name="genAIOperation">The GenAI operation name, for routes the conventions name; it names the span and
    /// the conventions' metrics.</param>
    /// <param name="server">The API root; only its host and port are recorded.</param>
    /// <param name="requestModel">For answer-generating routes, the model asked for, when the request names
    /// one.</param>
    /// <param name="request">The request, whose ids (and content, with <paramref name="captureContent"/>) the span
    /// records.</param>
    /// <param name="captureContent">Whether the span may carry the request's and answer's text.</param>
    public static OperationTelemetry Start(
        string operation,
        string? genAIOperation,
        Uri server,
        string? requestModel = null,
        object? request = null,
        bool captureContent = false)
    {
        // With nothing listening, the call only counts its retries: no tags, no span, no measurements.
        var measured = MemOSTelemetry.IsMeasured;
        if (!measured && !MemOSTelemetry.Source.HasListeners())
        {
            return new OperationTelemetry(tags: null, activity: null, genAIOperation, captureContent);
        }

        var tags = new TagList
        {
            { MemOSTelemetry.OperationTag, operation },
            { MemOSTelemetry.ServerAddressTag, server.Host },
            { MemOSTelemetry.ServerPortTag, server.Port },
        };

        var isChat = genAIOperation == GenAIMemoryOperation.Chat;
        if (genAIOperation is not null)
        {
            tags.Add(GenAIConventions.OperationName, genAIOperation);
            tags.Add(GenAIConventions.ProviderName, MemOSTelemetry.GenAIProviderName);
            if (isChat && requestModel is not null)
            {
                tags.Add(GenAIConventions.RequestModel, requestModel);
            }
        }

        // The conventions name a span after its operation (a chat also after its model); routes they do not name keep
        // the route.
        var name = genAIOperation is null
            ? operation
            : isChat && requestModel is not null ? genAIOperation + " " + requestModel : genAIOperation;
        var activity = MemOSTelemetry.Source.HasListeners()
            ? MemOSTelemetry.Source.StartActivity(name, ActivityKind.Client, parentContext: default, tags)
            : null;
        if (activity is { IsAllDataRequested: true })
        {
            GenAIRequestTags.FromRequest(activity, request, captureContent);
        }

        return new OperationTelemetry(
            measured ? new StrongBox<TagList>(tags) : null,
            activity,
            genAIOperation,
            captureContent);
    }

    /// <summary>The retries made so far.</summary>
    public int RetryCount => Volatile.Read(ref _retries);

    /// <summary>Whether an attempt before the last failed in a way the service may still have processed.</summary>
    public bool EarlierAttemptMayHaveApplied => Volatile.Read(ref _retriesAfterPossibleApply) > 0;

    /// <summary>The resilience handler is about to repeat the call.</summary>
    /// <param name="failedAttemptMayHaveApplied">False when the failed attempt was rate limited or never reached the
    /// service.</param>
    public void Retrying(bool failedAttemptMayHaveApplied)
    {
        Interlocked.Increment(ref _retries);
        if (failedAttemptMayHaveApplied)
        {
            Interlocked.Increment(ref _retriesAfterPossibleApply);
        }

        if (_tags is not null)
        {
            MemOSTelemetry.Retries.Add(1, _tags.Value);
        }
    }

    /// <summary>An attempt's answer reported a rate limit.</summary>
    public void RateLimited()
    {
        Interlocked.Increment(ref _rateLimits);
        if (_tags is not null)
        {
            MemOSTelemetry.RateLimits.Add(1, _tags.Value);
        }
    }

    /// <summary>
    /// The data of a successful answer: for a search, the number of records it returned
    /// (<c>gen_ai.memory.record.count</c>); their text, and a chat's answer, only with content capture on.
    /// </summary>
    /// <remarks>Generic, so that a value-type answer is not boxed for a span nobody records.</remarks>
    public void Answered<TData>(TData? data)
    {
        if (_activity is { IsAllDataRequested: true })
        {
            GenAIRequestTags.FromAnswer(_activity, data, _captureContent);
        }
    }

    /// <summary>The envelope code of the answer.</summary>
    public void ResponseCode(int code) => _activity?.SetTag(MemOSTelemetry.ResponseCodeTag, code);

    /// <summary>The first event of a stream arrived.</summary>
    public void FirstEvent()
    {
        if (!_firstEventSeen)
        {
            _firstEventSeen = true;
            var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            _activity?.SetTag(GenAIConventions.TimeToFirstChunk, seconds);
            if (_tags is not null)
            {
                MemOSTelemetry.TimeToFirstEvent.Record(seconds, _tags.Value);
                if (_genAIOperation is not null)
                {
                    MemOSTelemetry.TimeToFirstChunk.Record(seconds, _tags.Value);
                }
            }
        }
    }

    /// <summary>
    /// The call failed: its type and codes are recorded, never its message (which may quote the service).
    /// </summary>
    public void Failed(Exception exception)
    {
        var errorType = exception.GetType().FullName ?? exception.GetType().Name;
        _tags?.Value.Add(MemOSTelemetry.ErrorTypeTag, errorType);
        if (exception is MemOSException failure)
        {
            // Without a retrying handler in the chain, the final exception is the only sign of a rate limit.
            if (failure is MemOSRateLimitException { RefusedLocally: false } && Volatile.Read(ref _rateLimits) == 0)
            {
                RateLimited();
            }

            if (failure.Code is { } code)
            {
                ResponseCode(code);
            }

            if (failure.HttpStatus is { } status)
            {
                _activity?.SetTag(MemOSTelemetry.HttpStatusTag, (int)status);
            }
        }

        if (_activity is not null)
        {
            _activity.SetTag(MemOSTelemetry.ErrorTypeTag, errorType);
            _activity.SetStatus(ActivityStatusCode.Error, errorType);
        }
    }

    /// <summary>Ends the span and records the duration; once.</summary>
    public void Dispose()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_tags is not null)
        {
            var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            MemOSTelemetry.RequestDuration.Record(seconds, _tags.Value);
            if (_genAIOperation is not null)
            {
                MemOSTelemetry.OperationDuration.Record(seconds, _tags.Value);
            }
        }
        if (_activity is not null)
        {
            _activity.SetTag(MemOSTelemetry.RetryCountTag, RetryCount);
            _activity.Dispose();
        }
    }
}
