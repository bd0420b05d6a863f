using System.Net;
using MemOS.Client.Testing.Emulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Testing;

/// <summary>
/// An in-process fake of the MemOS cloud on 127.0.0.1 and a random port. Every cloud endpoint
/// answers with the service's envelope, error codes and streaming format, from state kept in
/// memory per API key; asynchronous tasks report <c>running</c> at their first status poll and
/// <c>completed</c> after. Extraction and relevance are simple and deterministic, so tests can
/// assert on them. <see cref="InjectFault"/> makes the next calls of a route fail.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await MemOSEmulator.StartAsync();
/// using var client = emulator.CreateClient();
/// </code>
/// </example>
public sealed class MemOSEmulator : IAsyncDisposable
{
    private const string BasePath = "/api/openmem/v1";

    private readonly WebApplication _app;
    private readonly EmulatorApi _api;

    private MemOSEmulator(WebApplication app, EmulatorApi api, Uri baseUrl, string? apiKey)
    {
        _app = app;
        _api = api;
        BaseUrl = baseUrl;
        ApiKey = apiKey ?? CreateApiKey();
        _api.AddTenant(ApiKey);
    }

    /// <summary>The API root to point a client at, e.g. <c>http://127.0.0.1:54321/api/openmem/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>An API key the emulator accepts. Requests with any other key get code 40132.</summary>
    public string ApiKey { get; }

    /// <summary>Starts an emulator.</summary>
    /// <param name="timeProvider">The clock memories are stamped with; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<MemOSEmulator> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        => StartAsync(new MemOSEmulatorOptions { TimeProvider = timeProvider }, cancellationToken);

    /// <summary>Starts an emulator on a chosen port, with a chosen key.</summary>
    /// <param name="options">The port, key and clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<MemOSEmulator> StartAsync(MemOSEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        var timeProvider = options.TimeProvider;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var api = new EmulatorApi(timeProvider ?? TimeProvider.System);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return api.HandleAsync(context, path[(BasePath.Length + 1)..]);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new MemOSEmulator(app, api, new Uri(address.TrimEnd('/') + BasePath), options.ApiKey);
    }

    /// <summary>Adds another accepted API key, whose data is kept apart from every other key's.</summary>
    /// <returns>The new key.</returns>
    public string CreateApiKey()
    {
        var key = "memos-emulator-" + Guid.NewGuid().ToString("N");
        _api.AddTenant(key);
        return key;
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> calls of a route fail with <paramref name="fault"/>,
    /// before anything else is checked. Routes are named as in the API, e.g. <c>add/message</c>,
    /// <c>search/memory</c>, <c>chat</c>, <c>get/memory/{id}</c>.
    /// </summary>
    /// <param name="route">The route, without the API root.</param>
    /// <param name="fault">What to serve.</param>
    /// <param name="times">How many calls it applies to.</param>
    public void InjectFault(string route, EmulatorFault fault, int times = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _api.Faults.Add(route.Trim('/'), fault, times);
    }

    /// <summary>
    /// Limits a route to <paramref name="requestsPerSecond"/> calls per second (windows on the
    /// emulator's clock); calls beyond it are answered with code 40309 and a <c>Retry-After</c> of
    /// the rest of the second, as a rate-limited service answers. Setting it again replaces the limit.
    /// The route <c>*</c> limits all routes together, as the service limits one API key.
    /// </summary>
    /// <param name="route">The route, without the API root, e.g. <c>add/message</c>; or <c>*</c> for every route.</param>
    /// <param name="requestsPerSecond">Calls allowed per second, at least 1.</param>
    public void SetRateLimit(string route, int requestsPerSecond)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        _api.RateLimits.Set(route.Trim('/'), requestsPerSecond);
    }

    /// <summary>Client options pointing at this emulator with <see cref="ApiKey"/>.</summary>
    public MemOSClientOptions CreateOptions() => new() { ApiKey = ApiKey, BaseUrl = BaseUrl };

    /// <summary>A client of this emulator; dispose it before the emulator.</summary>
    public MemOSClient CreateClient() => new(CreateOptions());

    /// <summary>Stops the server and drops all data.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
