using System.Threading.RateLimiting;
using MemOS.Client.Messages;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// The rate budget of <see cref="MemOSClientOptions.RateLimiter"/> in the resilience pipeline, against
/// a real loopback server: a permit per attempt, waits bounded by the call's timeout and token, a
/// refusal typed as local, and the pause every client sharing the budget takes when one hears a wait.
/// </summary>
public sealed class RateBudgetTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private static readonly byte[] SearchOk = Fixture.Bytes("search_memory.response.multimodal.json");
    private static readonly byte[] AddOk = Fixture.Bytes("add_message.response.json");

    [Fact]
    public async Task Every_attempt_takes_a_permit_retries_included()
    {
        var answers = new Queue<Func<HttpContext, Task>>([
            c => Respond.Text(c, """{"code":50000,"message":"boom"}""", 503),
            c => Respond.Bytes(c, SearchOk),
            c => Respond.Text(c, """{"code":40309,"message":"token window exceeded"}"""),
            c => Respond.Bytes(c, AddOk),
        ]);
        await using var server = await LoopbackServer.StartAsync(context => answers.Dequeue()(context));
        using var limiter = new CountingLimiter(new TokenBucketRateLimiter(Bucket(tokens: 100)));
        using var client = server.CreateClient(o => o.RateLimiter = limiter);

        await client.SearchMemoryAsync("u", "q").WaitAsync(Bound);
        await client.AddMessageAsync("u", "c", [MemOSMessage.User("I choose 7 Days Inn.")]).WaitAsync(Bound);

        server.Requests.Should().HaveCount(4);
        limiter.Acquired.Should().Be(4, "the read and the write were each sent twice");
    }

    [Fact]
    public async Task Waiting_for_a_permit_counts_against_the_call_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, SearchOk));
        using var limiter = new TokenBucketRateLimiter(Bucket(tokens: 1, queue: 10));
        using var client = server.CreateClient(o =>
        {
            o.RateLimiter = limiter;
            o.Timeout = TimeSpan.FromMilliseconds(300);
        });
        await client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        var act = () => client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        (await act.Should().ThrowAsync<MemOSTimeoutException>()).Which.Message.Should().Contain("MemOSClientOptions.Timeout");
        server.Requests.Should().HaveCount(1, "the second call never had a permit to be sent with");
        limiter.GetStatistics()!.CurrentQueuedCount.Should().Be(0, "the abandoned wait left the queue");
    }

    [Fact]
    public async Task Waiting_for_a_permit_honours_the_callers_cancellation()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, SearchOk));
        using var limiter = new TokenBucketRateLimiter(Bucket(tokens: 1, queue: 10));
        using var client = server.CreateClient(o => o.RateLimiter = limiter);
        await client.SearchMemoryAsync("u", "q").WaitAsync(Bound);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => client.SearchMemoryAsync("u", "q", cancellationToken: cancellation.Token).WaitAsync(Bound);

        await act.Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_refused_permit_is_a_rate_limit_refused_locally_and_never_applied()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, AddOk));
        using var limiter = new TokenBucketRateLimiter(Bucket(tokens: 1, queue: 0));
        using var client = server.CreateClient(o => o.RateLimiter = limiter);
        await client.AddMessageAsync("u", "c", [MemOSMessage.User("first")]).WaitAsync(Bound);

        var act = () => client.AddMessageAsync("u", "c", [MemOSMessage.User("second")]).WaitAsync(Bound);

        var refusal = (await act.Should().ThrowAsync<MemOSRateLimitException>()).Which;
        refusal.RefusedLocally.Should().BeTrue();
        refusal.Code.Should().BeNull("the service was not asked");
        refusal.WriteMayHaveBeenApplied.Should().BeFalse();
        refusal.Message.Should().Contain("MemOSClientOptions.RateLimiter").And.Contain("was not sent");
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_rate_limit_from_the_service_is_not_a_local_refusal()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":40309,"message":"token window exceeded"}"""));
        using var limiter = new TokenBucketRateLimiter(Bucket(tokens: 10));
        using var client = server.CreateClient(o =>
        {
            o.RateLimiter = limiter;
            o.Retry.MaxRetries = 0;
        });

        var act = () => client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        var failure = (await act.Should().ThrowAsync<MemOSRateLimitException>()).Which;
        failure.RefusedLocally.Should().BeFalse();
        failure.Code.Should().Be(40309);
    }

    [Fact]
    public async Task A_wait_one_client_hears_pauses_every_client_sharing_the_limiter_and_spends_the_saved_permits()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                return Respond.Bytes(context, SearchOk);
            }

            context.Response.Headers.RetryAfter = "5";
            return Respond.Text(context, """{"code":40309,"message":"token window exceeded"}""", 429);
        });
        using var limiter = new TokenBucketRateLimiter(Bucket(tokens: 3, queue: 10));
        var clock = new AutoAdvancingTimeProvider();
        void Configure(MemOSClientOptions o)
        {
            o.RateLimiter = limiter;
            o.TimeProvider = clock;
            o.Retry.MaxRetries = 0;
            o.Timeout = TimeSpan.FromMilliseconds(500);
        }

        using var first = server.CreateClient(Configure);
        using var second = server.CreateClient(Configure);

        var heard = () => first.SearchMemoryAsync("u", "q").WaitAsync(Bound);
        (await heard.Should().ThrowAsync<MemOSRateLimitException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(5));
        limiter.GetStatistics()!.CurrentAvailablePermits.Should().Be(2);

        // The other client waits the pause out, and then finds the two permits saved up before it spent:
        // with nothing refilled, it queues instead of bursting, until its own timeout.
        var paused = () => second.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        await paused.Should().ThrowAsync<MemOSTimeoutException>();
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(5));
        server.Requests.Should().HaveCount(1);
    }

    private static TokenBucketRateLimiterOptions Bucket(int tokens, int queue = 0) => new()
    {
        TokenLimit = tokens,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromHours(1),
        QueueLimit = queue,
        AutoReplenishment = true,
    };

    /// <summary>Counts the permits asked of the limiter it wraps.</summary>
    private sealed class CountingLimiter(RateLimiter inner) : RateLimiter
    {
        private int _acquired;

        public int Acquired => Volatile.Read(ref _acquired);

        public override TimeSpan? IdleDuration => inner.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _acquired, permitCount);
            return inner.AcquireAsync(permitCount, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
