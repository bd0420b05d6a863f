using MemOS.Client.Import;
using MemOS.Client.Testing;
using MemOS.Client.Transport;

namespace MemOS.Client.Cli;

/// <summary>A client for one command, and the emulator behind it when <c>--emulator</c> was given.</summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private readonly MemOSEmulator? _emulator;
    private readonly HttpClient _http;
    private readonly ReachabilityHandler? _reachability;
    private readonly InFlightHandler _inFlight;
    private readonly CancellationTokenSource _token;

    private ClientSession(
        MemOSClientOptions options,
        MemOSEmulator? emulator,
        bool failFast,
        CancellationToken cancellationToken)
    {
        _emulator = emulator;
        Target = ImportCheckpointTarget.Of(options.ResolveBaseUrl(), options.ApiKey ?? string.Empty);
        _inFlight = new InFlightHandler();
        if (failFast)
        {
            _reachability = new ReachabilityHandler(options.ResolveBaseUrl());
        }

        // The SDK's own client (its resilience handler with the options' logger, clock and rate budget),
        // with the tool's handlers seeing every attempt.
        _http = OwnedHttpClient.Create(options, sockets =>
        {
            _inFlight.InnerHandler = _reachability ?? sockets;
            if (_reachability is not null)
            {
                _reachability.InnerHandler = sockets;
            }

            return _inFlight;
        });
        _token = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken,
            _reachability?.Tripped ?? CancellationToken.None);
        try
        {
            Client = new MemOSClient(_http, options);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public MemOSClient Client { get; }

    /// <summary>The service the client writes to, as a checkpoint records it (the key only as a hash).</summary>
    public ImportCheckpointTarget Target { get; }

    /// <summary>Cancelled by the caller, or once the service is found unreachable.</summary>
    public CancellationToken Token => _token.Token;

    /// <summary>HTTP requests under way now.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Why the command stopped early, once the service was found unreachable; null otherwise.</summary>
    public string? Unreachable => _reachability?.Message;

    /// <summary>
    /// Builds the client from the options, then MEMOS_API_KEY, MEMOS_BASE_URL and MEMOS_IS_GLOBAL; with the emulator
    /// flag, starts an in-process emulator on 127.0.0.1 instead (its data lasts as long as the command).
    /// With <paramref name="failFast"/>, the command stops once the service proves unreachable; a long-lived
    /// server passes false and reports each failed call instead.
    /// </summary>
    public static async Task<ClientSession> OpenAsync(
        GlobalOptions.Values values,
        CliEnvironment environment,
        bool failFast,
        CancellationToken cancellationToken)
    {
        if (values.Emulator)
        {
            var emulator = await MemOSEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ClientSession(emulator.CreateOptions(), emulator, failFast, cancellationToken);
        }

        var options = new MemOSClientOptions { ApiKey = values.ApiKey };
        if (!string.IsNullOrWhiteSpace(values.BaseUrl))
        {
            options.BaseUrl = Uri.TryCreate(values.BaseUrl, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? uri
                : throw new CliException($"--base-url '{values.BaseUrl}' is not an absolute http or https URL.");
        }

        // What the options leave out comes from MEMOS_API_KEY, MEMOS_BASE_URL and MEMOS_IS_GLOBAL, as for the SDK.
        options.ApplyEnvironmentDefaults(environment.Variable);

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new CliException("No API key: set MEMOS_API_KEY, pass --api-key, or try the tool with --emulator.");
        }

        if (options.BaseUrl is { } url && url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            // The tool has no switch for plain http to another host: the key would travel unencrypted.
            throw new CliException($"The base URL '{url}' uses plain http to a host other than this machine, which "
                + "would send the API key unencrypted; use https.");
        }

        try
        {
            return new ClientSession(options, null, failFast, cancellationToken);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            throw new CliException(error.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Dispose()
    {
        Client?.Dispose();
        _http.Dispose();
        _token.Dispose();
    }
}
