using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MemOS.Client.Redis.Tests;

/// <summary>The DI line: the registered client's options get a Redis budget for their key.</summary>
[Collection(SharedRedisGroup.Name)]
public sealed class UseRedisRateBudgetTests(SharedRedis redis)
{
    [Fact]
    public void The_default_and_a_named_client_each_get_a_budget_for_their_key()
    {
        var services = new ServiceCollection();
        services.AddMemOSClient(o => o.ApiKey = SharedRedis.NewApiKey()).UseRedisRateBudget(redis.Connection, permitsPerSecond: 45, burst: 2);
        services.AddMemOSClient("other", o => o.ApiKey = SharedRedis.NewApiKey()).UseRedisRateBudget(redis.Connection, permitsPerSecond: 10);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<MemOSClientOptions>>();

        options.Get(Options.DefaultName).RateLimiter.Should().BeOfType<RedisRateBudget>();
        options.Get("other").RateLimiter.Should().BeOfType<RedisRateBudget>();
        provider.GetRequiredService<IMemOSClient>().Should().NotBeNull();
    }

    [Fact]
    public void A_builder_of_another_http_client_is_refused()
    {
        var services = new ServiceCollection();

        var act = () => services.AddHttpClient("mine").UseRedisRateBudget(redis.Connection, permitsPerSecond: 10);

        act.Should().Throw<ArgumentException>().WithMessage("*AddMemOSClient*");
    }

    [Fact]
    public void A_rate_out_of_range_is_refused_at_registration()
    {
        var services = new ServiceCollection();

        var act = () => services.AddMemOSClient(o => o.ApiKey = "k").UseRedisRateBudget(redis.Connection, permitsPerSecond: 0);

        act.Should().Throw<ArgumentException>().WithMessage("*PermitsPerSecond*");
    }
}
