using System.Diagnostics;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// One of the clients compared. Every operation checks what it received (the number of memories,
/// the task id, the number and text of the streamed events) and throws <see cref="InvalidDataException"/>
/// when it is wrong; it returns the <see cref="Stopwatch"/> timestamp of the moment measured: the
/// end of the call, or the arrival of a stream's first event.
/// </summary>
internal abstract class ServedClient(string key, string description) : IDisposable
{
    /// <summary>The short name the tables use: a, b, c or d.</summary>
    public string Key { get; } = key;

    public string Description { get; } = description;

    /// <summary>One search; returns when the answer is read and checked.</summary>
    public abstract Task<long> SearchAsync();

    /// <summary>One add; returns when the answer is read and checked.</summary>
    public abstract Task<long> AddAsync();

    /// <summary>A stream, read to its end; returns at its end.</summary>
    public abstract Task<long> StreamAsync(ServedStream stream);

    /// <summary>The one-event stream, read to its end so the connection is reused; returns when its first event arrived.</summary>
    public abstract Task<long> FirstEventAsync();

    public abstract void Dispose();

    protected InvalidDataException Wrong(string what, object? received, object expected)
        => new($"Client ({Key}) {Description} received {what} {received ?? "(none)"}, expected {expected}.");
}
