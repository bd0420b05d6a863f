using MemOS.Client.Errors;

namespace MemOS.Client.Cli;

/// <summary>
/// Stops a command when the service cannot be reached: after <see cref="Limit"/> connection attempts
/// in a row end in a refused connection or an unresolved host name, it cancels <see cref="Tripped"/>
/// and fails every later attempt at once, instead of retrying through a whole import.
/// </summary>
internal sealed class ReachabilityHandler(Uri baseUrl) : DelegatingHandler
{
    /// <summary>Failed connections in a row that mean the service is unreachable rather than busy.</summary>
    public const int Limit = 3;

    private readonly CancellationTokenSource _tripped = new();
    private int _failuresInARow;

    /// <summary>Cancelled once the service is judged unreachable.</summary>
    public CancellationToken Tripped => _tripped.Token;

    /// <summary>What to tell the user once tripped; null before.</summary>
    public string? Message { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        _tripped.Token.ThrowIfCancellationRequested();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _failuresInARow, 0);
            return response;
        }
        catch (HttpRequestException error) when (FailureTable.IsNeverConnected(error))
        {
            if (Interlocked.Increment(ref _failuresInARow) >= Limit && Message is null)
            {
                var why = error.HttpRequestError == HttpRequestError.NameResolutionError
                    ? "the host name does not resolve"
                    : "the connection is refused";
                Message = $"cannot reach {baseUrl.Host}:{baseUrl.Port} ({baseUrl}): {why} ({Limit} attempts in a row). "
                    + "Check --base-url or MEMOS_BASE_URL and your network, or try the tool with --emulator.";
                await _tripped.CancelAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _tripped.Dispose();
        }

        base.Dispose(disposing);
    }
}
