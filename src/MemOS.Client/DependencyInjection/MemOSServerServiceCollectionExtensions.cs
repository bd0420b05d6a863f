using MemOS.Client;
using MemOS.Client.Server;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the self-hosted MemOS server client with dependency injection.</summary>
public static class MemOSServerServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the server client sends with; a keyed client's is this name, a colon
    /// and its key.
    /// </summary>
    public const string HttpClientName = "MemOS.ServerClient";

    /// <summary>
    /// Registers <see cref="IMemOSServerClient"/> as a singleton configured from a configuration
    /// section (e.g. <c>configuration.GetSection("MemOSServer")</c>). The host fails to start when a
    /// key of the section is unknown or a value is invalid. A changed <c>ApiKey</c> in reloaded
    /// configuration is used from the next call; other changes need a restart.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="MemOSServerClientOptions"/> values.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">The client was already registered; register further clients with a
    /// name.</exception>
    public static IHttpClientBuilder AddMemOSServerClient(
        this IServiceCollection services,
        IConfiguration configuration)
        => AddMemOSServerClient(services, name: null, configuration);

    /// <summary>
    /// Registers <see cref="IMemOSServerClient"/> as a singleton configured in code. The options
    /// are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">The client was already registered; register further clients with a
    /// name.</exception>
    public static IHttpClientBuilder AddMemOSServerClient(
        this IServiceCollection services,
        Action<MemOSServerClientOptions> configure)
        => AddMemOSServerClient(services, name: null, configure);

    /// <summary>
    /// Registers a further <see cref="IMemOSServerClient"/> under a key, with its own options, HTTP
    /// client and retry handler, configured from a configuration section. Take it with
    /// <c>[FromKeyedServices("name")] IMemOSServerClient</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key, also the options' name.</param>
    /// <param name="configuration">The section holding <see cref="MemOSServerClientOptions"/> values.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">A client with this name was already registered.</exception>
    public static IHttpClientBuilder AddMemOSServerClient(
        this IServiceCollection services,
        string? name,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        MemOSClientRegistration.EnsureFirst<IMemOSServerClient>(services, name, nameof(AddMemOSServerClient));
        MemOSClientRegistration.BindChecked<MemOSServerClientOptions>(
            services,
            name,
            configuration,
            static (section, options) => section.Bind(options));
        return AddCore(services, name);
    }

    /// <summary>Registers a further <see cref="IMemOSServerClient"/> under a key, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key, also the options' name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">A client with this name was already registered.</exception>
    public static IHttpClientBuilder AddMemOSServerClient(
        this IServiceCollection services,
        string? name,
        Action<MemOSServerClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        MemOSClientRegistration.EnsureFirst<IMemOSServerClient>(services, name, nameof(AddMemOSServerClient));
        services.AddOptions<MemOSServerClientOptions>(name ?? Options.Options.DefaultName).Configure(configure);
        return AddCore(services, name);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string? name)
        => MemOSClientRegistration.Add<MemOSServerClientOptions, IMemOSServerClient, MemOSServerClient>(
            services,
            name,
            HttpClientName,
            static (http, options) => new MemOSServerClient(http, options),
            static (client, apiKey) => client.UseApiKey(apiKey));
}
