using System.Threading.RateLimiting;
using MemOS.Client.Answers;
using MemOS.Client.Api;
using MemOS.Client.Errors;
using MemOS.Client.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MemOS.Client;

/// <summary>
/// Retries and times out MemOS calls with per-operation safety (see <see cref="MemOSRetryOptions"/>).
/// Every client the SDK builds has it; add it to your own <see cref="HttpClient"/> when you pass
/// one to <see cref="MemOSClient(HttpClient, MemOSClientOptions)"/> and want the same behaviour.
/// </summary>
/// <remarks>
/// It is the one owner of retries: whether an attempt is repeated is the SDK's rulebook's verdict
/// on it (the route may be repeated, or the failure proves nothing was processed), never a list kept here.
/// </remarks>
public sealed class MemOSResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly RateBudget? _budget;

    /// <summary>
    /// Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless an HTTP client factory does.
    /// </summary>
    /// <param name="options">How to retry.</param>
    /// <param name="loggerFactory">Where to log retries; nowhere when null.</param>
    /// <param name="timeProvider">The clock delays run on; the system clock when null.</param>
    /// <param name="rateLimiter">The rate budget every attempt takes a permit from (see <see
    /// cref="MemOSClientOptions.RateLimiter"/>); none when null.</param>
    public MemOSResilienceHandler(
        MemOSRetryOptions options,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        RateLimiter? rateLimiter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetValidationErrors(SettingPath.InCode(nameof(MemOSRetryOptions)));
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MemOS retry options: " + string.Join(" ", errors), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _budget = rateLimiter is null ? null : new RateBudget(rateLimiter, _time);
        _pipeline = Pipeline(
            options,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MemOS.Client"),
            _time,
            _budget);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var call = MemOSCall.Attach(request, context, _time);
        try
        {
            var outcome = await _pipeline
                .ExecuteOutcomeAsync(AttemptAsync, context, (Handler: this, Request: request, Call: call))
                .ConfigureAwait(false);

            // A failure is left as it is: the transport has the rulebook name it for the caller.
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One attempt: sent, and its answer judged under the attempt's timeout. A static method with its state passed in,
    // so no closure is allocated. Its state machine is not pooled: a pooled builder saved about 190 B a call over
    // loopback but cost CPU at 64 calls in flight and on the first event of a stream, in the served benchmark.
    private static async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(
        ResilienceContext attemptContext,
        (MemOSResilienceHandler Handler, HttpRequestMessage Request, MemOSCall Call) state)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await state.Handler.SendOnceAsync(state.Request, attemptContext.CancellationToken)
                .ConfigureAwait(false);

            // The verdict is kept with the request the response answers; a handler may leave that unset.
            response.RequestMessage ??= state.Request;

            // Judged here, under the attempt's timeout; the transport reads the same verdict off the call.
            var verdict = await ResponseClassifier
                .ClassifyAsync(response, state.Call, attemptContext.CancellationToken)
                .ConfigureAwait(false);
            if (verdict.IsRateLimited)
            {
                // Heard on the attempt that met the limit, before any wait or retry.
                state.Call.RateLimited(verdict.RetryAfter);
                state.Handler._budget?.RateLimited(verdict.RetryAfter);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            // A response whose body could not be read is discarded with its connection.
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    /// <summary>
    /// The pipeline each request runs through, outermost first: retries, then each attempt's
    /// timeout, with the rate budget's permit taken between the two.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> Pipeline(
        MemOSRetryOptions options,
        ILogger logger,
        TimeProvider time,
        RateBudget? budget)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        var maxRetries = options.MaxRetries;
        var maxRetryAfter = options.MaxRetryAfter;
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            // The count is each call's (a bulk caller's scope may set it), checked in ShouldHandle.
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => new ValueTask<bool>(
                args.AttemptNumber < (Call(args.Context).Scope?.MaxRetries ?? maxRetries)
                && Judge(Call(args.Context), args.Context, args.Outcome, maxRetryAfter).MayRetry),
            DelayGenerator = args
                => new ValueTask<TimeSpan?>(Call(args.Context).VerdictOn(args.Outcome.Result)?.RetryAfter),
            OnRetry = args =>
            {
                var call = Call(args.Context);
                var ruling = Judge(call, args.Context, args.Outcome, maxRetryAfter);
                call.Telemetry?.Retrying(failedAttemptMayHaveApplied: !ruling.ProvesNotProcessed);
                ResilienceLog.Retrying(
                    logger,
                    call.Route.Name,
                    args.AttemptNumber + 1,
                    (long)args.RetryDelay.TotalMilliseconds,
                    Rulebook.Describe(call.VerdictOn(args.Outcome.Result), args.Outcome.Exception));
                return default;
            },
        });

        // Inside the retries, so every attempt takes a permit; outside the attempt's timeout, so only the call's bounds
        // the wait.
        if (budget is not null)
        {
            builder.AddRateLimiter(budget.StrategyOptions());
        }

        var attemptTimeout = options.AttemptTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => new ValueTask<TimeSpan>(
                Call(args.Context).Route.IsGeneration ? Timeout.InfiniteTimeSpan : attemptTimeout),
        });
        return builder.Build();
    }

    // The rulebook's verdict on one attempt's outcome.
    private static Ruling Judge(
        MemOSCall call,
        ResilienceContext context,
        Outcome<HttpResponseMessage> outcome,
        TimeSpan maxRetryAfter)
        => outcome.Exception is { } exception ? Rulebook.Judge(exception, call.Route, context.CancellationToken)
           : call.VerdictOn(outcome.Result) is { } verdict ? Rulebook.Judge(verdict, call.Route, call, maxRetryAfter)
           : Ruling.Succeeded;

    // Every request the handler runs has its call (SendAsync attaches one to a request the SDK did not build).
    private static MemOSCall Call(ResilienceContext context) => MemOSCall.Of(context)!;

    private Task<HttpResponseMessage> SendOnceAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
