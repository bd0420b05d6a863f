using MemOS.Client;
using MemOS.Client.Server;
using Microsoft.Extensions.Configuration;

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
        => MemOSClientRegistration.Add<MemOSServerClientOptions, IMemOSServerClient>(services, HttpClientName, (http, options) => new MemOSServerClient(http, options));
}
