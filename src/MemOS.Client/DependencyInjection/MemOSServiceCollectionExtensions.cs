using MemOS.Client;
using Microsoft.Extensions.Configuration;

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
        => MemOSClientRegistration.Add<MemOSClientOptions, IMemOSClient>(services, HttpClientName, (http, options) => new MemOSClient(http, options), options => options.ApplyEnvironmentDefaults());
}
