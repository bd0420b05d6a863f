using MemOS.Client;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the MemOS client with dependency injection.</summary>
public static class MemOSServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the MemOS client sends with; a keyed client's is this name, a colon and
    /// its key.
    /// </summary>
    public const string HttpClientName = "MemOS.Client";

    /// <summary>
    /// Registers <see cref="IMemOSClient"/> as a singleton configured from a configuration section
    /// (e.g. <c>configuration.GetSection("MemOS")</c>), with <c>MEMOS_*</c> environment variables
    /// filling what the section leaves out. The host fails to start when a key of the section is
    /// unknown or a value is invalid. A changed <c>ApiKey</c> in reloaded configuration is used from
    /// the next call; other changes need a restart.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="MemOSClientOptions"/> values.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">The client was already registered; register further clients with a
    /// name.</exception>
    public static IHttpClientBuilder AddMemOSClient(this IServiceCollection services, IConfiguration configuration)
        => AddMemOSClient(services, name: null, configuration);

    /// <summary>
    /// Registers <see cref="IMemOSClient"/> as a singleton configured in code, with <c>MEMOS_*</c>
    /// environment variables filling what the delegate leaves out. The options are validated
    /// when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">The client was already registered; register further clients with a
    /// name.</exception>
    public static IHttpClientBuilder AddMemOSClient(
        this IServiceCollection services,
        Action<MemOSClientOptions> configure)
        => AddMemOSClient(services, name: null, configure);

    /// <summary>
    /// Registers a further <see cref="IMemOSClient"/> under a key (another project or API key), with
    /// its own options, HTTP client and retry handler, configured from a configuration section. Take it
    /// with <c>[FromKeyedServices("name")] IMemOSClient</c> or
    /// <c>GetRequiredKeyedService&lt;IMemOSClient&gt;("name")</c>.
    /// <c>MEMOS_*</c> environment variables fill what the section leaves out, as for the default client.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key, also the options' name.</param>
    /// <param name="configuration">The section holding <see cref="MemOSClientOptions"/> values.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">A client with this name was already registered.</exception>
    public static IHttpClientBuilder AddMemOSClient(
        this IServiceCollection services,
        string? name,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        MemOSClientRegistration.EnsureFirst<IMemOSClient>(services, name, nameof(AddMemOSClient));
        MemOSClientRegistration.BindChecked<MemOSClientOptions>(
            services,
            name,
            configuration,
            static (section, options) => section.Bind(options));
        return AddCore(services, name);
    }

    /// <summary>
    /// Registers a further <see cref="IMemOSClient"/> under a key, configured in code; see
    /// <see cref="AddMemOSClient(IServiceCollection, string, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key, also the options' name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="InvalidOperationException">A client with this name was already registered.</exception>
    public static IHttpClientBuilder AddMemOSClient(
        this IServiceCollection services,
        string? name,
        Action<MemOSClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        MemOSClientRegistration.EnsureFirst<IMemOSClient>(services, name, nameof(AddMemOSClient));
        services.AddOptions<MemOSClientOptions>(name ?? Options.Options.DefaultName).Configure(configure);
        return AddCore(services, name);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string? name)
        => MemOSClientRegistration.Add<MemOSClientOptions, IMemOSClient, MemOSClient>(
            services,
            name,
            HttpClientName,
            static (http, options) => new MemOSClient(http, options),
            static (client, apiKey) => client.UseApiKey(apiKey),
            static options => options.ApplyEnvironmentDefaults());
}
