using MemOS.Client.Resilience;
using MemOS.Client.Transport;
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
public sealed class MemOSResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<MemOSCall> CallKey = new("MemOS.Call");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless an HTTP client factory does.</summary>
    /// <param name="options">How to retry.</param>
    /// <param name="loggerFactory">Where to log retries; nowhere when null.</param>
    /// <param name="timeProvider">The clock delays run on; the system clock when null.</param>
    public MemOSResilienceHandler(MemOSRetryOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetValidationErrors(SettingPath.InCode(nameof(MemOSRetryOptions)));
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MemOS retry options: " + string.Join(" ", errors), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MemOS.Client");
        var maxRetryAfter = options.MaxRetryAfter;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(RetryDecision.ShouldRetry(
                    Call(args.Context),
                    Verdict(args.Outcome.Result),
                    args.Outcome.Exception,
                    maxRetryAfter)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(Verdict(args.Outcome.Result)?.RetryAfter),
                OnRetry = args =>
                {
                    var verdict = Verdict(args.Outcome.Result);
                    var notApplied = RetryDecision.NeverReachedService(args.Outcome.Exception) || verdict?.IsRateLimited == true;
                    Call(args.Context)?.Telemetry.Retrying(failedAttemptMayHaveApplied: !notApplied);
                    ResilienceLog.Retrying(
                        logger,
                        Operation(args.Context).Name,
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds,
                        RetryDecision.Describe(verdict, args.Outcome.Exception));
                    return default;
                },
            });
        }

        var attemptTimeout = options.AttemptTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => new ValueTask<TimeSpan>(Operation(args.Context).IsGeneration ? Timeout.InfiniteTimeSpan : attemptTimeout),
        });
        _pipeline = builder.Build();
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
                            Call(attemptContext)?.Telemetry.RateLimited();
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

            if (outcome.Exception is TimeoutRejectedException timeout && !cancellationToken.IsCancellationRequested)
            {
                throw new MemOSTimeoutException($"MemOS {MemOSOperation.For(request).Name} attempt took longer than MemOSRetryOptions.AttemptTimeout.", timeout) { IsTransient = true };
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static MemOSCall? Call(ResilienceContext context)
        => context.Properties.TryGetValue(CallKey, out var call) ? call : null;

    private static MemOSOperation Operation(ResilienceContext context)
        => Call(context)?.Operation ?? new MemOSOperation("request", IsWrite: true, IsGeneration: false);

    // The verdict the classifier keeps with the response being judged: one per attempt, by construction.
    private static ResponseVerdict? Verdict(HttpResponseMessage? response)
        => response is null ? null : ResponseClassifier.Known(response);

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
