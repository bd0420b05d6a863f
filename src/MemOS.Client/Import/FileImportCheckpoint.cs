using System.Text;
using System.Text.Json;
using MemOS.Client.Serialization;

namespace MemOS.Client.Import;

/// <summary>
/// A checkpoint kept in a JSON Lines file: a line before each request is sent and one with its
/// outcome, appended and flushed to the operating system before the import moves on, so the file
/// survives the process being killed (a request in flight then reads as "may have been applied").
/// Each line carries a hash of the messages it records, and the file's first line names the target
/// (base URL and a hash of the API key) its first run wrote to. A line cut short by a crash is
/// ignored when the file is opened again. Dispose it to flush the file to disk and close it.
/// </summary>
public sealed class FileImportCheckpoint : IImportCheckpoint, IAsyncDisposable, IDisposable
{
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private readonly Dictionary<(string UserId, string ConversationId), List<ImportCheckpointEntry>> _entries;
    private readonly FileStream _file;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private FileImportCheckpoint(FileStream file, Dictionary<(string, string), List<ImportCheckpointEntry>> entries)
    {
        _file = file;
        _entries = entries;
    }

    /// <summary>How many entries the file held when it was opened.</summary>
    public int LoadedEntries { get; private init; }

    /// <summary>
    /// The target the file records writes to; null when its first run named none (or it predates targets).
    /// </summary>
    public ImportCheckpointTarget? Target { get; private init; }

    /// <summary>Opens (or creates) a checkpoint file and reads what earlier runs recorded.</summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <param name="target">
    /// The service this import writes to. A new file records it; a file recorded for another target
    /// is refused. Null accepts any target (for the same service under another URL, or a new key).
    /// </param>
    /// <param name="cancellationToken">Cancels reading the file.</param>
    /// <returns>The checkpoint, ready for an import.</returns>
    /// <exception cref="ImportCheckpointException">The file was recorded for another target, or by a newer
    /// version.</exception>
    public static async Task<FileImportCheckpoint> OpenAsync(
        string path,
        ImportCheckpointTarget? target = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var entries = new Dictionary<(string, string), List<ImportCheckpointEntry>>();
        var loaded = 0;
        var file = new FileStream(
            path,
            FileMode.OpenOrCreate,
            FileAccess.ReadWrite,
            FileShare.Read,
            4096,
            FileOptions.Asynchronous);
        try
        {
            ImportCheckpointHeader? header = null;
            var first = true;
            using (var reader = new StreamReader(
                file,
                Encoding.UTF8,
                detectEncodingFromByteOrderMarks: false,
                bufferSize: 4096,
                leaveOpen: true))
            {
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    if (first && !string.IsNullOrWhiteSpace(line))
                    {
                        first = false;
                        if ((header = Header(line)) is not null)
                        {
                            Check(path, header, target);
                            continue;
                        }
                    }

                    if (Parse(line) is { } entry)
                    {
                        Add(entries, entry);
                        loaded++;
                    }
                }
            }

            var created = file.Length == 0;
            if (created)
            {
                // A new checkpoint: bound to the target of its first run.
                var line = JsonSerializer.SerializeToUtf8Bytes(new ImportCheckpointHeader
                {
                    Format = ImportCheckpointHeader.CurrentFormat,
                    Target = target,
                }, MemOSJsonContext.Default.ImportCheckpointHeader);
                await file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                await file.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            // A torn last line (no newline) is dropped by starting the next entry on a fresh line.
            file.Seek(0, SeekOrigin.End);
            if (file.Length > 0)
            {
                file.Seek(-1, SeekOrigin.End);
                var last = file.ReadByte();
                if (last != '\n')
                {
                    await file.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
                }
            }

            return new FileImportCheckpoint(file, entries)
            {
                LoadedEntries = loaded,
                Target = created ? target : header?.Target,
            };
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ImportCheckpointEntry>> GetEntriesAsync(
        string userId,
        string conversationId,
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _entries.TryGetValue((userId, conversationId), out var list) ? list.ToArray() : [];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(ImportCheckpointEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, MemOSJsonContext.Default.ImportCheckpointEntry);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await _file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await _file.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
            Add(_entries, entry);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Flushes the file to disk and closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _file.Flush(flushToDisk: true);
            await _file.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Flushes the file to disk and closes it.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static ImportCheckpointHeader? Header(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, MemOSJsonContext.Default.ImportCheckpointHeader);
        }
        catch (JsonException)
        {
            // An entry of a checkpoint from before headers (or a torn line): no header.
            return null;
        }
    }

    private static void Check(string path, ImportCheckpointHeader header, ImportCheckpointTarget? target)
    {
        if (header.Format > ImportCheckpointHeader.CurrentFormat)
        {
            throw new ImportCheckpointException($"The checkpoint '{path}' was written by a newer version (format "
                + $"{header.Format}); update this one to use it.");
        }

        if (target is not null && header.Target is { } recorded && recorded != target)
        {
            var what = recorded.BaseUrl != target.BaseUrl
                ? $"the service at {recorded.BaseUrl}"
                : $"another API key (#{recorded.ApiKeyHash[..8]})";
            throw new ImportCheckpointException($"The checkpoint '{path}' records an import into {what}, not {target}: "
                + "what it says was written is not in this service. Use another checkpoint file for this target.")
            {
                RecordedTarget = recorded,
            };
        }
    }

    private static ImportCheckpointEntry? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, MemOSJsonContext.Default.ImportCheckpointEntry);
        }
        catch (JsonException)
        {
            // Only a line cut short by a crash can be malformed; the import had not yet counted that
            // request as done, so dropping the line loses nothing it reported.
            return null;
        }
    }

    private static void Add(
        Dictionary<(string, string), List<ImportCheckpointEntry>> entries,
        ImportCheckpointEntry entry)
    {
        if (!entries.TryGetValue((entry.UserId, entry.ConversationId), out var list))
        {
            entries[(entry.UserId, entry.ConversationId)] = list = [];
        }

        list.Add(entry);
    }
}
