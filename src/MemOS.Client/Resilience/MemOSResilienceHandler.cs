using MemOS.Client.Resilience;
using MemOS.Client.Telemetry;
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
    private static readonly ResiliencePropertyKey<MemOSOperation> OperationKey = new("MemOS.Operation");
    private static readonly ResiliencePropertyKey<EnvelopeSignals> SignalsKey = new("MemOS.Signals");
    private static readonly ResiliencePropertyKey<OperationTelemetry> TelemetryKey = new("MemOS.Telemetry");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless an HTTP client factory does.</summary>
    /// <param name="options">How to retry.</param>
    /// <param name="loggerFactory">Where to log retries; nowhere when null.</param>
    /// <param name="timeProvider">The clock delays run on; the system clock when null.</param>
    public MemOSResilienceHandler(MemOSRetryOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetValidationErrors().ToList();
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
                    Operation(args.Context),
                    args.Outcome.Result,
                    args.Outcome.Exception,
                    Signals(args.Context),
                    ServiceWait(args.Outcome.Result, args.Context),
                    maxRetryAfter)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServiceWait(args.Outcome.Result, args.Context)),
                OnRetry = args =>
                {
                    var notApplied = RetryDecision.NeverReachedService(args.Outcome.Exception)
                                     || (args.Outcome.Result is { } response && RetryDecision.IsRateLimited(response, Signals(args.Context)));
                    Telemetry(args.Context)?.Retrying(failedAttemptMayHaveApplied: !notApplied);
                    ResilienceLog.Retrying(
                        logger,
                        Operation(args.Context).Name,
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds,
                        RetryDecision.Describe(args.Outcome.Result, args.Outcome.Exception, Signals(args.Context)));
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
        var operation = MemOSOperation.For(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        if (request.Options.TryGetValue(OperationTelemetry.Key, out var telemetry))
        {
            context.Properties.Set(TelemetryKey, telemetry);
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
                        var signals = await EnvelopeSignalReader.ReadAsync(response, attemptContext.CancellationToken).ConfigureAwait(false);
                        attemptContext.Properties.Set(SignalsKey, signals);
                        if (RetryDecision.IsRateLimited(response, signals))
                        {
                            Telemetry(attemptContext)?.RateLimited();
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
                throw new MemOSTimeoutException($"MemOS {operation.Name} attempt took longer than MemOSRetryOptions.AttemptTimeout.", timeout) { IsTransient = true };
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static MemOSOperation Operation(ResilienceContext context)
        => context.Properties.TryGetValue(OperationKey, out var operation) ? operation : new MemOSOperation("request", IsWrite: true, IsGeneration: false);

    private static OperationTelemetry? Telemetry(ResilienceContext context)
        => context.Properties.TryGetValue(TelemetryKey, out var telemetry) ? telemetry : null;

    private static EnvelopeSignals Signals(ResilienceContext context)
        => context.Properties.TryGetValue(SignalsKey, out var signals) ? signals : default;

    private TimeSpan? ServiceWait(HttpResponseMessage? response, ResilienceContext context)
        => response is null ? null : RetryAfter.From(response.Headers, Signals(context).RetryAfterSeconds, _time);

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
