using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.AI;

/// <summary>Adds MemOS memory to a <see cref="ChatClientBuilder"/> pipeline.</summary>
public static class MemOSChatClientBuilderExtensions
{
    /// <summary>
    /// Adds MemOS memory to the pipeline (see <see cref="MemOSMemoryChatClient"/>): before each call
    /// the clients below it receive the recalled facts and preferences as a system message, and after
    /// the answer the turn is written back. Place it above <c>UseFunctionInvocation()</c> so memory is
    /// recalled and written once per user turn, not once per tool round-trip. When the service provider
    /// has an <see cref="IHostApplicationLifetime"/>, the turns still waiting to be written are written
    /// when the host stops (<see cref="IHostApplicationLifetime.ApplicationStopped"/>, after the last request).
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="memory">The MemOS client; when null, the <see cref="IMemOSClient"/> of the builder's service
    /// provider.</param>
    /// <param name="configure">Sets the template, scope resolver, limits and logger. Without a logger factory, the
    /// service provider's is used when it has one.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException">No <paramref name="memory"/> was given and the service provider
    /// has no <see cref="IMemOSClient"/> (raised when the pipeline is built).</exception>
    public static ChatClientBuilder UseMemOSMemory(
        this ChatClientBuilder builder,
        IMemOSClient? memory = null,
        Action<MemOSMemoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var options = new MemOSMemoryOptions();
            configure?.Invoke(options);
            options.LoggerFactory ??= services.GetService<ILoggerFactory>();
            var client = memory ?? services.GetService<IMemOSClient>()
                ?? throw new InvalidOperationException(
                    "UseMemOSMemory needs a MemOS client: pass one, or register it with services.AddMemOSClient(...).");
            var stopped = services.GetService<IHostApplicationLifetime>()?.ApplicationStopped ?? CancellationToken.None;
            return new MemOSMemoryChatClient(inner, client, options, stopped);
        });
    }
}
