using MemOS.Client;
using MemOS.Client.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Gives a registered MemOS client the fleet-wide rate budget on Redis.</summary>
public static class MemOSRedisBuilderExtensions
{
    /// <summary>
    /// Sets <see cref="MemOSClientOptions.RateLimiter"/> of the client this builder registered
    /// (<c>services.AddMemOSClient(...)</c>, named or not) to a <see cref="RedisRateBudget"/> for its
    /// API key, unless a limiter is already set: every process registering it with the same key
    /// shares one budget.
    /// </summary>
    /// <param name="builder">The builder <c>AddMemOSClient</c> returned.</param>
    /// <param name="connection">The connection to Redis; connect with <c>abortConnect=false</c> so that the app starts
    /// while Redis is down.</param>
    /// <param name="permitsPerSecond">Requests per second for all processes together; a little below the key's
    /// limit.</param>
    /// <param name="burst">How many requests may go at once after a quiet spell, at least 1.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The builder is not a MemOS cloud client's, or a value is out of
    /// range.</exception>
    public static IHttpClientBuilder UseRedisRateBudget(
        this IHttpClientBuilder builder,
        IConnectionMultiplexer connection,
        double permitsPerSecond,
        int burst = 1)
        => UseRedisRateBudget(builder, connection, new RedisRateBudgetOptions
        {
            PermitsPerSecond = permitsPerSecond,
            Burst = burst,
        });

    /// <summary>
    /// Sets <see cref="MemOSClientOptions.RateLimiter"/> of the client this builder registered to a
    /// <see cref="RedisRateBudget"/> shaped by <paramref name="options"/>; see
    /// <see cref="UseRedisRateBudget(IHttpClientBuilder, IConnectionMultiplexer, double, int)"/>.
    /// </summary>
    /// <param name="builder">The builder <c>AddMemOSClient</c> returned.</param>
    /// <param name="connection">The connection to Redis.</param>
    /// <param name="options">The rate, burst and waits.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The builder is not a MemOS cloud client's, or an option is out of
    /// range.</exception>
    public static IHttpClientBuilder UseRedisRateBudget(
        this IHttpClientBuilder builder,
        IConnectionMultiplexer connection,
        RedisRateBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var optionsName = OptionsName(builder);
        builder.Services.AddOptions<MemOSClientOptions>(optionsName).PostConfigure(client =>
        {
            // Without a key the options fail validation and say why; the budget waits for a valid one.
            if (client.RateLimiter is null && !string.IsNullOrWhiteSpace(client.ApiKey))
            {
                client.RateLimiter = new RedisRateBudget(
                    connection,
                    client.ApiKey,
                    options,
                    client.LoggerFactory,
                    client.TimeProvider);
            }
        });
        return builder;
    }

    // The options of a MemOS client are named as its HttpClient is, without the SDK's prefix.
    private static string OptionsName(IHttpClientBuilder builder)
    {
        var httpClientName = builder.Name;
        const string Prefix = MemOSServiceCollectionExtensions.HttpClientName;
        if (httpClientName == Prefix)
        {
            return Options.Options.DefaultName;
        }

        if (httpClientName.StartsWith(Prefix + ":", StringComparison.Ordinal))
        {
            return httpClientName[(Prefix.Length + 1)..];
        }

        throw new ArgumentException("UseRedisRateBudget applies to the builder services.AddMemOSClient(...) returns; "
            + $"this one builds the HttpClient '{httpClientName}'.", nameof(builder));
    }
}
