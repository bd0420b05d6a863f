namespace MemOS.Client.Redis.Budget;

/// <summary>
/// The two Lua scripts the budget runs. A script, not RedisRateLimiting's token bucket, because the
/// pause must move the same state the permits are taken from, in the same atomic step: a pause set
/// beside a bucket would let the permits saved up during it go out in one burst when it ends. Time
/// is Redis's own (<c>TIME</c>), so every process schedules on one clock. Times are microseconds.
/// </summary>
internal static class BudgetScripts
{
    /// <summary>
    /// Reserves ARGV[3] permits at one per ARGV[1] µs with a burst of ARGV[2], unless the wait would
    /// exceed ARGV[4] µs; marks instance ARGV[5] as seen (KEYS[2], the last 10 s). KEYS[1] holds the
    /// time the bucket is full again. Returns { reserved 1|0, wait µs, instances seen }.
    /// </summary>
    public const string Reserve = """
        if redis.replicate_commands then redis.replicate_commands() end
        local clock = redis.call('TIME')
        local now = clock[1] * 1000000 + clock[2]
        local interval = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local permits = tonumber(ARGV[3])
        redis.call('ZADD', KEYS[2], now, ARGV[5])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 10000000)
        redis.call('PEXPIRE', KEYS[2], 10000)
        local instances = redis.call('ZCARD', KEYS[2])
        local full = tonumber(redis.call('GET', KEYS[1]) or '0')
        if full < now then full = now end
        full = full + permits * interval
        local wait = full - burst * interval - now
        if wait < 0 then wait = 0 end
        if wait > tonumber(ARGV[4]) then return { 0, wait, instances } end
        redis.call('SET', KEYS[1], string.format('%.0f', full), 'PX', math.ceil((full - now) / 1000) + 1000)
        return { 1, wait, instances }
        """;

    /// <summary>
    /// Pauses the bucket of KEYS[1] for ARGV[1] µs: the first permit after it starts when it ends,
    /// the next one interval (ARGV[2] µs) later, whatever the burst (ARGV[3]).
    /// </summary>
    public const string Pause = """
        if redis.replicate_commands then redis.replicate_commands() end
        local clock = redis.call('TIME')
        local now = clock[1] * 1000000 + clock[2]
        local paused = now + tonumber(ARGV[1]) + (tonumber(ARGV[3]) - 1) * tonumber(ARGV[2])
        local full = tonumber(redis.call('GET', KEYS[1]) or '0')
        if paused > full then
            redis.call('SET', KEYS[1], string.format('%.0f', paused), 'PX', math.ceil((paused - now) / 1000) + 1000)
        end
        return 0
        """;
}
