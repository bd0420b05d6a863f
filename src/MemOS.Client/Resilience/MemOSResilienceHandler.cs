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
    private static readonly ResiliencePropertyKey<MemOSCall> CallKey = new("MemOS.Call");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly RateBudget? _budget;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless an HTTP client factory does.</summary>
    /// <param name="options">How to retry.</param>
    /// <param name="loggerFactory">Where to log retries; nowhere when null.</param>
    /// <param name="timeProvider">The clock delays run on; the system clock when null.</param>
    /// <param name="rateLimiter">The rate budget every attempt takes a permit from (see <see cref="MemOSClientOptions.RateLimiter"/>); none when null.</param>
    public MemOSResilienceHandler(MemOSRetryOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, RateLimiter? rateLimiter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetValidationErrors(SettingPath.InCode(nameof(MemOSRetryOptions)));
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MemOS retry options: " + string.Join(" ", errors), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _budget = rateLimiter is null ? null : new RateBudget(rateLimiter, _time);
        _pipeline = Pipeline(options, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MemOS.Client"), _time, _budget);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (request.Options.TryGetValue(MemOSCall.Key, out var call))
        {
            context.Properties.Set(CallKey, call);
        }

        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (attemptContext, state) =>
                {
                    HttpResponseMessage? response = null;
                    try
                    {
                        response = await state.Handler.SendOnceAsync(state.Request, attemptContext.CancellationToken).ConfigureAwait(false);

                        // The verdict is kept with the request the response answers; a handler may leave that unset.
                        response.RequestMessage ??= state.Request;

                        // Judged here, under the attempt's timeout; the transport reads the same verdict.
                        var verdict = await ResponseClassifier.ClassifyAsync(response, state.Handler._time, attemptContext.CancellationToken).ConfigureAwait(false);
                        if (verdict.IsRateLimited)
                        {
                            // Heard on the attempt that met the limit, before any wait or retry.
                            Call(attemptContext)?.Telemetry.RateLimited();
                            AttemptScope.Current?.OnRateLimited?.Invoke(verdict.RetryAfter);
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
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            // A failure is left as it is: the transport has the rulebook name it for the caller.
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// The pipeline each request runs through, outermost first: retries, then each attempt's
    /// timeout, with the rate budget's permit taken between the two.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> Pipeline(MemOSRetryOptions options, ILogger logger, TimeProvider time, RateBudget? budget)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        var maxRetries = options.MaxRetries;
        var maxRetryAfter = options.MaxRetryAfter;
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            // The count is each call's (its AttemptScope may set it), checked in ShouldHandle.
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => new ValueTask<bool>(
                args.AttemptNumber < (AttemptScope.Current?.MaxRetries ?? maxRetries)
                && Judge(args.Context, args.Outcome, maxRetryAfter).MayRetry),
            DelayGenerator = args => new ValueTask<TimeSpan?>(Verdict(args.Outcome.Result)?.RetryAfter),
            OnRetry = args =>
            {
                var ruling = Judge(args.Context, args.Outcome, maxRetryAfter);
                Call(args.Context)?.Telemetry.Retrying(failedAttemptMayHaveApplied: !ruling.ProvesNotProcessed);
                ResilienceLog.Retrying(
                    logger,
                    Route(args.Context).Name,
                    args.AttemptNumber + 1,
                    (long)args.RetryDelay.TotalMilliseconds,
                    Rulebook.Describe(Verdict(args.Outcome.Result), args.Outcome.Exception));
                return default;
            },
        });

        // Inside the retries, so every attempt takes a permit; outside the attempt's timeout, so only the call's bounds the wait.
        if (budget is not null)
        {
            builder.AddRateLimiter(budget.StrategyOptions());
        }

        var attemptTimeout = options.AttemptTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => new ValueTask<TimeSpan>(Route(args.Context).IsGeneration ? Timeout.InfiniteTimeSpan : attemptTimeout),
        });
        return builder.Build();
    }

    // The rulebook's verdict on one attempt's outcome.
    private static Ruling Judge(ResilienceContext context, Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
        => outcome.Exception is { } exception ? Rulebook.Judge(exception, Route(context), context.CancellationToken)
           : Verdict(outcome.Result) is { } verdict ? Rulebook.Judge(verdict, Route(context), Call(context), maxRetryAfter)
           : Ruling.Succeeded;

    private static MemOSCall? Call(ResilienceContext context)
        => context.Properties.TryGetValue(CallKey, out var call) ? call : null;

    private static RouteFacts Route(ResilienceContext context)
        => Call(context)?.Route ?? RouteFacts.Unknown("request");

    // The verdict the classifier keeps with the response being judged: one per attempt, by construction.
    private static ResponseVerdict? Verdict(HttpResponseMessage? response)
        => response is null ? null : ResponseClassifier.Known(response);

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
