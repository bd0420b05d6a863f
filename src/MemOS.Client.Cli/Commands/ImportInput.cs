using System.Runtime.CompilerServices;
using MemOS.Client.Import;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// The import's input, opened once: a regular file (counted, then read from the start), or standard
/// input (<c>-</c>), a pipe, a FIFO, <c>/dev/stdin</c> or <c>&lt;(…)</c>, read once as it streams.
/// </summary>
internal sealed class ImportInput : IAsyncDisposable
{
    private readonly bool _owned;

    private ImportInput(Stream stream, bool owned)
    {
        Stream = stream;
        _owned = owned;
    }

    public Stream Stream { get; }

    public static ImportInput Open(string path, Stream standardInput)
    {
        if (path == "-")
        {
            return new ImportInput(standardInput, owned: false);
        }

        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path) ? $"'{path}' is a folder, not a JSON Lines file." : $"The file '{Path.GetFullPath(path)}' does not exist.");
        }

        // FileStream opens pipes and FIFOs too; it can seek only in a regular file.
        return new ImportInput(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), owned: true);
    }

    /// <summary>The conversations in a regular file (its non-blank lines), then rewinds; null for a stream read once.</summary>
    public async Task<long?> CountConversationsAsync(CancellationToken cancellationToken)
    {
        if (!Stream.CanSeek)
        {
            return null;
        }

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

    /// <summary>
    /// The conversations, given up on at once when cancelled: a read from a pipe cannot be cancelled,
    /// so a pending one is left behind (it ends with the process) rather than waited for.
    /// </summary>
    public static async IAsyncEnumerable<ConversationImport> Abandonable(IAsyncEnumerable<ConversationImport> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var next = reader.MoveNextAsync().AsTask();
            if (!await next.WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            yield return reader.Current;
        }

        // Disposed only once read to the end: disposing it during a pending read would fail.
        await reader.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
