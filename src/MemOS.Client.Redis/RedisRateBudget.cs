using System.Threading.RateLimiting;
using MemOS.Client.Redis.Budget;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace MemOS.Client.Redis;

/// <summary>
/// One rate budget for every process that calls MemOS with one API key, kept in Redis: set it as
/// <see cref="MemOSClientOptions.RateLimiter"/> (or call <c>UseRedisRateBudget</c> on the client's
/// registration). Each attempt reserves a permit in a shared token bucket and waits its turn; when
/// the service answers one process with a wait, the bucket is paused for all of them and resumes
/// one permit at a time. Redis holds two small keys per API key, named by a hash of it (never the
/// key): the time the bucket is full again, and which instances took a permit in the last 10 s.
/// While Redis is unavailable, each process keeps to its share (the budget divided by the instances
/// last seen), says so once in its log and in the <c>memos.client.rate_budget.coordinator_lost</c>
/// metric, and goes back to the shared budget when Redis answers again. A call never fails because
/// Redis is down.
/// </summary>
public sealed class RedisRateBudget : RateLimiter, IMemOSRatePause
{
    private readonly IConnectionMultiplexer _redis;
    private readonly BudgetKeys _keys;
    private readonly RedisRateBudgetOptions _options;
    private readonly RateSchedule _local;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RedisValue _instance = Guid.NewGuid().ToString("N");
    private readonly double _intervalMicroseconds;
    private int _instancesSeen = 1;
    private int _coordinatorLost;
    private long _granted;
    private long _refused;
    private long _idleSince;

    /// <summary>Creates the budget of one API key.</summary>
    /// <param name="redis">The connection to Redis; connect with <c>abortConnect=false</c> so that the app starts while
    /// Redis is down.</param>
    /// <param name="apiKey">The API key the budget is for; only its hash reaches Redis.</param>
    /// <param name="options">The rate, burst and waits.</param>
    /// <param name="loggerFactory">Where to say that Redis went away or came back; nowhere when null.</param>
    /// <param name="timeProvider">The clock of the local budget's waits; the system clock when null.</param>
    /// <exception cref="ArgumentException">An option is out of range, or the key is empty.</exception>
    public RedisRateBudget(
        IConnectionMultiplexer redis,
        string apiKey,
        RedisRateBudgetOptions options,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _redis = redis;
        _keys = new BudgetKeys(apiKey);
        _options = new RedisRateBudgetOptions
        {
            // A copy: the caller's object changing later must not change a budget in use.
            PermitsPerSecond = options.PermitsPerSecond,
            Burst = options.Burst,
            MaxWait = options.MaxWait,
            CoordinatorTimeout = options.CoordinatorTimeout,
        };
        _time = timeProvider ?? TimeProvider.System;
        _local = new RateSchedule(_time);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MemOS.Client.Redis");
        _intervalMicroseconds = 1_000_000 / _options.PermitsPerSecond;
        _idleSince = _time.GetTimestamp();
    }

    /// <summary>
    /// Whether the last permit came from Redis (<see langword="false"/> while this instance keeps to its local share).
    /// </summary>
    public bool IsShared => Volatile.Read(ref _coordinatorLost) == 0;

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => _time.GetElapsedTime(Volatile.Read(ref _idleSince));

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    /// <inheritdoc />
    public void Pause(TimeSpan retryAfter)
    {
        if (retryAfter <= TimeSpan.Zero)
        {
            return;
        }

        // Here at once, whatever Redis does; for the fleet through Redis, without waiting for its answer.
        _local.Pause(retryAfter, LocalRate(), LocalBurst());
        if (_redis.IsConnected)
        {
            try
            {
                _redis.GetDatabase().ScriptEvaluate(
                    BudgetScripts.Pause,
                    [_keys.Bucket],
                    [(long)(retryAfter.TotalMilliseconds * 1000), _intervalMicroseconds, _options.Burst],
                    CommandFlags.FireAndForget);
            }
            catch (Exception exception) when (exception is RedisException or ObjectDisposedException)
            {
                CoordinatorLost(exception);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Blocks on Redis for at most <see cref="RedisRateBudgetOptions.CoordinatorTimeout"/>; the SDK itself only ever
    /// waits for permits asynchronously.
    /// </remarks>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);
        return Reserve(permitCount, TimeSpan.Zero, CancellationToken.None).AsTask().GetAwaiter().GetResult().Lease;
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(
        int permitCount,
        CancellationToken cancellationToken)
    {
        CheckPermits(permitCount);
        var (lease, wait) = await Reserve(permitCount, _options.MaxWait, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired && wait > TimeSpan.Zero)
        {
            // The permit is this request's from now on, so it waits its turn; cancelled, the turn goes unused.
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return lease;
    }

    /// <summary>Reserves permits and says how long to wait before using them; a refusal reserves nothing.</summary>
    internal async ValueTask<(RateLimitLease Lease, TimeSpan Wait)> Reserve(
        int permits,
        TimeSpan maxWait,
        CancellationToken cancellationToken)
    {
        Volatile.Write(ref _idleSince, _time.GetTimestamp());
        if (permits == 0)
        {
            return (BudgetLease.Granted, TimeSpan.Zero);
        }

        bool reserved;
        TimeSpan wait;
        var shared = await ReserveShared(permits, maxWait, cancellationToken).ConfigureAwait(false);
        if (shared is { } answer)
        {
            (reserved, wait) = answer;
        }
        else
        {
            reserved = _local.TryReserve(permits, LocalRate(), LocalBurst(), maxWait, out wait);
        }

        if (!reserved)
        {
            Interlocked.Increment(ref _refused);
            return (new BudgetLease(acquired: false, retryAfter: wait), wait);
        }

        Interlocked.Increment(ref _granted);
        return (BudgetLease.Granted, wait);
    }

    // The answer of Redis, or null when it cannot give one in time: the local share decides then.
    private async ValueTask<(bool Reserved, TimeSpan Wait)?> ReserveShared(
        int permits,
        TimeSpan maxWait,
        CancellationToken cancellationToken)
    {
        if (!_redis.IsConnected)
        {
            CoordinatorLost(reason: "not connected");
            return null;
        }

        try
        {
            var result = await _redis.GetDatabase()
                .ScriptEvaluateAsync(
                    BudgetScripts.Reserve,
                    [_keys.Bucket, _keys.Instances],
                    [
                        _intervalMicroseconds,
                        _options.Burst,
                        permits,
                        (long)(maxWait.TotalMilliseconds * 1000),
                        _instance,
                    ])
                .WaitAsync(_options.CoordinatorTimeout, _time, cancellationToken)
                .ConfigureAwait(false);
            var values = (RedisResult[])result!;
            Volatile.Write(ref _instancesSeen, Math.Max(1, (int)values[2]));
            if (Interlocked.Exchange(ref _coordinatorLost, 0) == 1)
            {
                BudgetLog.CoordinatorBack(_logger);
            }

            return ((int)values[0] == 1, TimeSpan.FromMicroseconds((long)values[1]));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            CoordinatorLost(exception);
            return null;
        }
    }

    private void CoordinatorLost(Exception exception) => CoordinatorLost(exception.GetType().Name);

    private void CoordinatorLost(string reason)
    {
        if (Interlocked.Exchange(ref _coordinatorLost, 1) == 0)
        {
            BudgetLog.CoordinatorLost(_logger, reason, LocalRate());
            BudgetTelemetry.CoordinatorLost.Add(1);
        }
    }

    // This instance's share while Redis is away: the fleet's budget over the instances Redis last saw.
    private double LocalRate() => _options.PermitsPerSecond / Volatile.Read(ref _instancesSeen);

    private int LocalBurst() => Math.Max(1, _options.Burst / Volatile.Read(ref _instancesSeen));

    private void CheckPermits(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _options.Burst);
    }
}
