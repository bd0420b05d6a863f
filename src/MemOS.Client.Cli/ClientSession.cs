using MemOS.Client.Testing;

namespace MemOS.Client.Cli;

/// <summary>A client for one command, and the emulator behind it when <c>--emulator</c> was given.</summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private readonly MemOSEmulator? _emulator;

    private ClientSession(MemOSClient client, MemOSEmulator? emulator)
    {
        Client = client;
        _emulator = emulator;
    }

    public MemOSClient Client { get; }

    /// <summary>
    /// Builds the client from the options, then MEMOS_API_KEY, MEMOS_BASE_URL and MEMOS_IS_GLOBAL; with the emulator
    /// flag, starts an in-process emulator on 127.0.0.1 instead (its data lasts as long as the command).
    /// </summary>
    public static async Task<ClientSession> OpenAsync(GlobalOptions.Values values, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (values.Emulator)
        {
            var emulator = await MemOSEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ClientSession(emulator.CreateClient(), emulator);
        }

        var options = new MemOSClientOptions { ApiKey = values.ApiKey };
        if (!string.IsNullOrWhiteSpace(values.BaseUrl))
        {
            options.BaseUrl = Uri.TryCreate(values.BaseUrl, UriKind.Absolute, out var uri)
                ? uri
                : throw new CliException($"The base URL '{values.BaseUrl}' is not an absolute URL.");
        }

        // What the options leave out comes from MEMOS_API_KEY, MEMOS_BASE_URL and MEMOS_IS_GLOBAL, as for the SDK.
        options.ApplyEnvironmentDefaults(environment.Variable);

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new CliException("No API key: set MEMOS_API_KEY, pass --api-key, or try the tool with --emulator.");
        }

        try
        {
            return new ClientSession(new MemOSClient(options), null);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            throw new CliException(error.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
