using StackExchange.Redis;

namespace MemOS.Client.Redis.Tests.Infrastructure;

/// <summary>One redis-server for the tests that leave it running; each test uses its own API key, so its own budget.</summary>
public sealed class SharedRedis : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis server has not started.");

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        Connection = await _server.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A fresh API key: a budget of its own.</summary>
    public static string NewApiKey() => "mpg-" + Guid.NewGuid().ToString("N");
}

[CollectionDefinition(Name)]
public sealed class SharedRedisGroup : ICollectionFixture<SharedRedis>
{
    public const string Name = "Redis";
}
