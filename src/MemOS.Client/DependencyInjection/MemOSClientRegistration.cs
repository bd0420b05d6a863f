using System.Diagnostics.CodeAnalysis;
using MemOS.Client.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MemOS.Client;

/// <summary>
/// The registration both clients share: validated options, a named HTTP client with the resilience
/// handler, a singleton (keyed when a name is given) whose API key follows reloaded configuration.
/// </summary>
internal static class MemOSClientRegistration
{
    /// <summary>
    /// Options bound from a configuration section, checked first so that mistakes fail at start with their path.
    /// </summary>
    public static OptionsBuilder<TOptions> BindChecked<TOptions>(
        IServiceCollection services,
        string? name,
        IConfiguration configuration,
        Action<IConfiguration, TOptions> bind)
        where TOptions : class, IMemOSTransportOptions
    {
        // What Bind registers too: a reload of the section reaches IOptionsMonitor, and so the key rotation.
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(
            new ConfigurationChangeTokenSource<TOptions>(name ?? Options.DefaultName, configuration));
        return services.AddOptions<TOptions>(name ?? Options.DefaultName).Configure(options =>
        {
            options.ConfigurationPath = SettingPath.Of(configuration);
            var errors = ConfigurationChecks.Check(configuration, TOptions.Settings);
            if (errors.Count > 0)
            {
                // Binding would throw on a bad enum or silently take a bare number as days: report instead.
                options.ConfigurationErrors = errors;
                return;
            }

            bind(configuration, options);
        });
    }

    /// <summary>
    /// Fails when the service was already registered under <paramref name="name"/>: a second registration would stack
    /// handlers and merge options.
    /// </summary>
    public static void EnsureFirst<TService>(IServiceCollection services, string? name, string method)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException(
                $"The name of a keyed {typeof(TService).Name} must not be empty or whitespace.",
                nameof(name));
        }

        var registered = services.Any(descriptor => descriptor.ServiceType == typeof(TService)
            && (name is null
                ? !descriptor.IsKeyedService
                : descriptor.IsKeyedService && Equals(descriptor.ServiceKey, name)));
        if (registered)
        {
            var which = name is null ? $"{typeof(TService).Name}" : $"{typeof(TService).Name} named '{name}'";
            throw new InvalidOperationException(
                $"{method} was already called for {which}; a second call would add a second retry handler and merge "
                + "both option sets. "
                + "Call it once per client. For another client (another project or key), give it a name: "
                + $"services.{method}(\"projectB\", configuration.GetSection(\"MemOSB\")), "
                + $"then take [FromKeyedServices(\"projectB\")] {typeof(TService).Name} or call "
                + $"GetRequiredKeyedService<{typeof(TService).Name}>(\"projectB\").");
        }
    }

    public static IHttpClientBuilder Add<[DynamicallyAccessedMembers(
        DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TService, TImplementation>(
        IServiceCollection services,
        string? name,
        string httpClientName,
        Func<HttpClient, TOptions, TImplementation> create,
        Action<TImplementation, string?> useApiKey,
        Action<TOptions>? postConfigure = null)
        where TOptions : class, IMemOSTransportOptions
        where TService : class
        where TImplementation : class, TService
    {
        var optionsName = name ?? Options.DefaultName;
        var clientName = name is null ? httpClientName : httpClientName + ":" + name;
        services.AddOptions<TOptions>(optionsName)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                postConfigure?.Invoke(options);
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.TimeProvider ??= provider.GetService<TimeProvider>();
            })
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TOptions>, MemOSOptionsValidator<TOptions>>());

        // The client is a singleton holding one HttpClient, so the handler must never be rotated
        // away from under it; SocketsHttpHandler's connection lifetime picks up DNS changes instead.
        var builder = services.AddHttpClient(clientName)
            .ConfigureHttpClient((provider, http) =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;

                // The client is aimed at the API here, so the SDK sends with it directly (see MemOSTransport).
                if (provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName).ApiRoot() is { } root)
                {
                    http.BaseAddress = TransportSettings.BaseAddress(root);
                }
            })
            .ConfigurePrimaryHttpMessageHandler(MemOSClient.CreateHandler)
            .AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName);
                return new MemOSResilienceHandler(
                    options.Retry,
                    options.LoggerFactory,
                    options.TimeProvider,
                    options.RateLimiter);
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"]);

        TImplementation Create(IServiceProvider provider)
        {
            var monitor = provider.GetRequiredService<IOptionsMonitor<TOptions>>();
            var client = create(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
                monitor.Get(optionsName));

            // Key rotation: reloaded configuration reaches the next call. Other settings (address,
            // timeouts, retries) shape the HttpClient and its handlers, so they need a restart.
            monitor.OnChange((options, changed) =>
            {
                if (changed == optionsName)
                {
                    useApiKey(client, options.ApiKey);
                }
            });
            return client;
        }

        if (name is null)
        {
            services.AddSingleton<TService>(Create);
        }
        else
        {
            services.AddKeyedSingleton<TService>(name, (provider, _) => Create(provider));
        }

        return builder;
    }
}
