using System.Diagnostics.CodeAnalysis;
using MemOS.Client.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MemOS.Client;

/// <summary>The registration both clients share: validated options, a named HTTP client with the resilience handler, a singleton.</summary>
internal static class MemOSClientRegistration
{
    public static IHttpClientBuilder Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TService>(IServiceCollection services, string httpClientName, Func<HttpClient, TOptions, TService> create, Action<TOptions>? postConfigure = null)
        where TOptions : class, IMemOSTransportOptions
        where TService : class
    {
        services.AddOptions<TOptions>()
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                postConfigure?.Invoke(options);
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.TimeProvider ??= provider.GetService<TimeProvider>();
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, MemOSOptionsValidator<TOptions>>());

        // The client is a singleton holding one HttpClient, so the handler must never be rotated
        // away from under it; SocketsHttpHandler's connection lifetime picks up DNS changes instead.
        var builder = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;

                // The client is aimed at the API here, so the SDK sends with it directly (see MemOSTransport).
                if (provider.GetRequiredService<IOptions<TOptions>>().Value.ApiRoot() is { } root)
                {
                    http.BaseAddress = TransportSettings.BaseAddress(root);
                }
            })
            .ConfigurePrimaryHttpMessageHandler(MemOSClient.CreateHandler)
            .AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
                return new MemOSResilienceHandler(options.Retry, options.LoggerFactory, options.TimeProvider);
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"]);

        services.TryAddSingleton(provider => create(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
            provider.GetRequiredService<IOptions<TOptions>>().Value));
        return builder;
    }
}
