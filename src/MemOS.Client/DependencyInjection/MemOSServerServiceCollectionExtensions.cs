using MemOS.Client;
using MemOS.Client.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the self-hosted MemOS server client with dependency injection.</summary>
public static class MemOSServerServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the server client sends with.</summary>
    public const string HttpClientName = "MemOS.ServerClient";

    /// <summary>
    /// Registers <see cref="IMemOSServerClient"/> as a singleton configured from a configuration
    /// section (e.g. <c>configuration.GetSection("MemOSServer")</c>). The options are validated
    /// when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="MemOSServerClientOptions"/> values.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddMemOSServerClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MemOSServerClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="IMemOSServerClient"/> as a singleton configured in code. The options
    /// are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddMemOSServerClient(this IServiceCollection services, Action<MemOSServerClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MemOSServerClientOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<MemOSServerClientOptions>()
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.TimeProvider ??= provider.GetService<TimeProvider>();
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemOSServerClientOptions>, MemOSServerClientOptionsValidator>());

        // The client is a singleton holding one HttpClient, so the handler must never be rotated
        // away from under it; SocketsHttpHandler's connection lifetime picks up DNS changes instead.
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(MemOSClient.CreateHandler)
            .AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<MemOSServerClientOptions>>().Value;
                return MemOSResilienceHandler.Create(options.Retry, options.LoggerFactory, options.TimeProvider);
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"]);

        services.TryAddSingleton<IMemOSServerClient>(provider => new MemOSServerClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<MemOSServerClientOptions>>().Value));
        return builder;
    }
}
