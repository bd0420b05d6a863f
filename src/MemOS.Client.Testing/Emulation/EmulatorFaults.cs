using System.Collections.Concurrent;

namespace MemOS.Client.Testing.Emulation;

/// <summary>Faults waiting to be served, per route, first in first out.</summary>
internal sealed class EmulatorFaults
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<EmulatorFault>> _pending = new(StringComparer.Ordinal);

    public void Add(string route, EmulatorFault fault, int times)
    {
        var queue = _pending.GetOrAdd(route, _ => new ConcurrentQueue<EmulatorFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    public EmulatorFault? Take(string route)
        => _pending.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
}
