using System.Net;
using MemOS.Client.Testing.Emulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Testing;

/// <summary>
/// An in-process fake of the MemOS cloud on 127.0.0.1 and a random port. Every cloud endpoint
/// answers with the service's envelope, error codes and streaming format, from state kept in
/// memory per API key; asynchronous tasks report <c>running</c> at their first status poll and
/// <c>completed</c> after. Extraction and relevance are simple and deterministic, so tests can
/// assert on them. <see cref="InjectFault"/> makes the next calls of a route fail, <see cref="Requests"/>
/// lists what was sent. The emulator leaves Ctrl+C and SIGTERM to the application that started it.
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
    private readonly EmulatorRequestLog _log;
    private readonly EmulatorTenant _tenant;
    private readonly string? _stateFile;

    private MemOSEmulator(
        WebApplication app,
        EmulatorApi api,
        EmulatorRequestLog log,
        EmulatorTenant tenant,
        Uri baseUrl,
        string apiKey,
        string? stateFile)
    {
        _app = app;
        _api = api;
        _log = log;
        _tenant = tenant;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
        _stateFile = stateFile;
    }

    /// <summary>The API root to point a client at, e.g. <c>http://127.0.0.1:54321/api/openmem/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>An API key the emulator accepts. Requests with any other key get code 40132.</summary>
    public string ApiKey { get; }

    /// <summary>Starts an emulator.</summary>
    /// <param name="timeProvider">The clock memories are stamped with; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<MemOSEmulator> StartAsync(
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
        => StartAsync(new MemOSEmulatorOptions { TimeProvider = timeProvider }, cancellationToken);

    /// <summary>Starts an emulator on a chosen port, with a chosen key.</summary>
    /// <param name="options">The port, key and clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is in use.</exception>
    /// <exception cref="InvalidDataException"><see cref="MemOSEmulatorOptions.StateFile"/> is not a state file an
    /// emulator wrote.</exception>
    public static async Task<MemOSEmulator> StartAsync(
        MemOSEmulatorOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        var time = options.TimeProvider ?? TimeProvider.System;
        var apiKey = options.ApiKey ?? NewKey();
        var tenant = new EmulatorTenant();
        if (options.StateFile is { } stateFile)
        {
            EmulatorState.Load(tenant, stateFile);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var api = new EmulatorApi(time, app.Lifetime.ApplicationStopping);
        api.AddTenant(apiKey, tenant);
        var log = new EmulatorRequestLog(time, options.OnRequest);
        app.Run(async context =>
        {
            try
            {
                var path = context.Request.Path.Value ?? string.Empty;
                if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await api.HandleAsync(context, path[(BasePath.Length + 1)..]).ConfigureAwait(false);
            }
            finally
            {
                log.Record(context);
            }
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single();
        return new MemOSEmulator(
            app,
            api,
            log,
            tenant,
            new Uri(address.TrimEnd('/') + BasePath),
            apiKey,
            options.StateFile);
    }

    /// <summary>
    /// The requests answered so far, oldest first (the last 10,000): method, path, user, HTTP status and envelope
    /// code, never the key. A snapshot: later requests do not change the list returned.
    /// </summary>
    public IReadOnlyList<EmulatorRequestEntry> Requests => _log.Snapshot();

    /// <summary>Adds another accepted API key, whose data is kept apart from every other key's.</summary>
    /// <returns>The new key.</returns>
    public string CreateApiKey()
    {
        var key = NewKey();
        _api.AddTenant(key, new EmulatorTenant());
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
    /// Makes a <paramref name="fraction"/> of the calls of a route fail with <paramref name="fault"/>, at random,
    /// until the emulator stops; the route <c>*</c> applies it to every route. Faults set with
    /// <see cref="InjectFault"/> are served first.
    /// </summary>
    /// <param name="route">The route, without the API root, e.g. <c>add/message</c>; or <c>*</c> for every
    /// route.</param>
    /// <param name="fault">What to serve.</param>
    /// <param name="fraction">The share of calls that get it, above 0 and at most 1.</param>
    public void InjectRandomFault(string route, EmulatorFault fault, double fraction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        ArgumentNullException.ThrowIfNull(fault);
        if (!(fraction is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(fraction),
                fraction,
                "The fraction of calls must be above 0 and at most 1.");
        }

        _api.Faults.AddRate(route.Trim('/'), fault, fraction);
    }

    /// <summary>
    /// Limits a route to <paramref name="requestsPerSecond"/> calls per second (windows on the
    /// emulator's clock); calls beyond it are answered with code 40309 and a <c>Retry-After</c> of
    /// the rest of the second, as a rate-limited service answers. Setting it again replaces the limit.
    /// The route <c>*</c> limits all routes together, as the service limits one API key.
    /// </summary>
    /// <param name="route">The route, without the API root, e.g. <c>add/message</c>; or <c>*</c> for every
    /// route.</param>
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

    /// <summary>
    /// Writes the memories and messages of <see cref="ApiKey"/> to <see cref="MemOSEmulatorOptions.StateFile"/> now;
    /// nothing when no state file was set.
    /// </summary>
    /// <param name="cancellationToken">Cancels the write; the previous file stays whole.</param>
    public Task SaveStateAsync(CancellationToken cancellationToken = default)
        => _stateFile is null ? Task.CompletedTask : EmulatorState.SaveAsync(_tenant, _stateFile, cancellationToken);

    /// <summary>Stops the server, writes the state file when one was set, and drops all data.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await SaveStateAsync().ConfigureAwait(false);
    }

    private static string NewKey() => "memos-emulator-" + Guid.NewGuid().ToString("N");
}
