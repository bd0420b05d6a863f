namespace MemOS.Client.Cli.Commands;

/// <summary>
/// The import's input, opened once: a regular file, or standard input (<c>-</c>), a pipe, a FIFO,
/// <c>/dev/stdin</c> or <c>&lt;(…)</c>. The whole input is checked before anything is written, so a
/// stream that can be read only once is read once, to its end, into a temporary file that goes
/// away with the import.
/// </summary>
internal sealed class ImportInput : IAsyncDisposable
{
    private readonly bool _owned;

    private ImportInput(Stream stream, bool owned)
    {
        Stream = stream;
        _owned = owned;
    }

    /// <summary>The input, which can always be read again from the start.</summary>
    public Stream Stream { get; }

    public static async Task<ImportInput> OpenAsync(
        string path,
        Stream standardInput,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            return await KeepAsync(standardInput, "standard input", error, cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path)
                ? $"'{path}' is a folder, not a JSON Lines file."
                : $"The file '{Path.GetFullPath(path)}' does not exist.");
        }

        // FileStream opens pipes and FIFOs too; it can seek only in a regular file.
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (file.CanSeek)
        {
            return new ImportInput(file, owned: true);
        }

        await using (file.ConfigureAwait(false))
        {
            return await KeepAsync(file, path, error, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The conversations in the input (its non-blank lines), then rewinds.</summary>
    public async Task<long> CountConversationsAsync(CancellationToken cancellationToken)
    {
        long count = 0;
        using (var reader = new StreamReader(Stream, leaveOpen: true))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    count++;
                }
            }
        }

        Stream.Position = 0;
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    // A read from a pipe cannot be cancelled, so on Ctrl+C a pending one is left behind (it ends with
    // the process) rather than waited for.
    private static async Task<ImportInput> KeepAsync(
        Stream once,
        string name,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        // Said, so that a user feeding a pipe by hand knows nothing is sent before its end.
        await error.WriteLineAsync(
            $"memos: reading {name} to its end; the whole input is checked before anything is written.")
            .ConfigureAwait(false);
        var copy = new FileStream(
            Path.GetTempFileName(),
            FileMode.Create,
            FileAccess.ReadWrite,
            FileShare.None,
            81920,
            FileOptions.DeleteOnClose);
        try
        {
            await once.CopyToAsync(copy, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
            return new ImportInput(copy, owned: true);
        }
        catch
        {
            await copy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
