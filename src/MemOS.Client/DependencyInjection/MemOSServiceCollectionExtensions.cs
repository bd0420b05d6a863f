using MemOS.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the MemOS client with dependency injection.</summary>
public static class MemOSServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the MemOS client sends with.</summary>
    public const string HttpClientName = "MemOS.Client";

    /// <summary>
    /// Registers <see cref="IMemOSClient"/> as a singleton configured from a configuration section
    /// (e.g. <c>configuration.GetSection("MemOS")</c>), with <c>MEMOS_*</c> environment variables
    /// filling what the section leaves out. The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="MemOSClientOptions"/> values.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddMemOSClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MemOSClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="IMemOSClient"/> as a singleton configured in code, with <c>MEMOS_*</c>
    /// environment variables filling what the delegate leaves out. The options are validated
    /// when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddMemOSClient(this IServiceCollection services, Action<MemOSClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MemOSClientOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<MemOSClientOptions>()
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                options.ApplyEnvironmentDefaults();
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.TimeProvider ??= provider.GetService<TimeProvider>();
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemOSClientOptions>, MemOSClientOptionsValidator>());

        // The client is a singleton holding one HttpClient, so the handler must never be rotated
        // away from under it; SocketsHttpHandler's connection lifetime picks up DNS changes instead.
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(MemOSClient.CreateHandler)
            .AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<MemOSClientOptions>>().Value;
                return MemOSResilienceHandler.Create(options.Retry, options.LoggerFactory, options.TimeProvider);
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"]);

        services.TryAddSingleton<IMemOSClient>(provider => new MemOSClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<MemOSClientOptions>>().Value));
        return builder;
    }
}
