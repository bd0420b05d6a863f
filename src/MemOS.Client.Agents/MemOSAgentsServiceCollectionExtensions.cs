using MemOS.Client.AI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Agents;

/// <summary>Registers <see cref="MemOSContextProvider"/> with dependency injection.</summary>
public static class MemOSAgentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="MemOSContextProvider"/> (a singleton) over the registered
    /// <see cref="IMemOSClient"/> (see <c>AddMemOSClient</c>), logging through the registered
    /// <see cref="ILoggerFactory"/> unless <paramref name="configure"/> sets one. Hand it to an agent
    /// with <c>AIContextProviders = [services.GetRequiredService&lt;MemOSContextProvider&gt;()]</c>.
    /// When the app has an <see cref="IHostApplicationLifetime"/>, the turns still waiting to be written
    /// are written when the host stops (<see cref="IHostApplicationLifetime.ApplicationStopped"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="scope">Makes the scope of a session on its first run, with the app's services at hand (see
    /// <see cref="MemOSContextProvider(IMemOSClient, Func{AgentSession?, MemOSMemoryScope},
    /// MemOSContextProviderOptions?)"/>).</param>
    /// <param name="configure">Sets the template, limits, timeout and state key.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddMemOSContextProvider(
        this IServiceCollection services,
        Func<IServiceProvider, AgentSession?, MemOSMemoryScope> scope,
        Action<MemOSContextProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scope);
        return services.AddSingleton(provider =>
        {
            var options = new MemOSContextProviderOptions();
            configure?.Invoke(options);
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            var stopped = provider.GetService<IHostApplicationLifetime>()?.ApplicationStopped ?? CancellationToken.None;
            return new MemOSContextProvider(
                provider.GetRequiredService<IMemOSClient>(),
                session => scope(provider, session),
                options,
                stopped);
        });
    }
}
