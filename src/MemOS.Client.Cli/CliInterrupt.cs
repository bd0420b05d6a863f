namespace MemOS.Client.Cli;

/// <summary>
/// Ctrl+C: the first asks the command to cancel and says what it waits for; the second ends the
/// process at once (an import's requests in flight are then resumed as possibly applied, as after a kill).
/// </summary>
internal sealed class CliInterrupt : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private int _count;

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>
    /// Says what a cancelled command still waits for, e.g. "3 requests in flight"; null when nothing.
    /// </summary>
    public Func<string?>? Waiting { get; set; }

    /// <summary>Handles one Ctrl+C; returns true when the process should end now.</summary>
    public bool Press(TextWriter error)
    {
        if (Interlocked.Increment(ref _count) > 1)
        {
            error.WriteLine("memos: stopped; anything in flight is left as possibly applied.");
            return true;
        }

        var waiting = Waiting?.Invoke();
        error.WriteLine(waiting is null
            ? "memos: cancelling (press Ctrl+C again to stop at once)."
            : $"memos: cancelling; waiting for {waiting} (press Ctrl+C again to stop at once; they are then left as "
                + "possibly applied).");
        _source.Cancel();
        return false;
    }

    public void Dispose() => _source.Dispose();
}
