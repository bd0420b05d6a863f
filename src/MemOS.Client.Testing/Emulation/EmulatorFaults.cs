using System.Collections.Concurrent;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Faults waiting to be served, per route, first in first out; then faults served to a fraction of
/// calls, per route or for every route (<c>*</c>).
/// </summary>
internal sealed class EmulatorFaults
{
    private const string AllRoutes = "*";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<EmulatorFault>> _pending = new(
        StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (EmulatorFault Fault, double Fraction)[]> _rates = new(
        StringComparer.Ordinal);

    public void Add(string route, EmulatorFault fault, int times)
    {
        var queue = _pending.GetOrAdd(route, _ => new ConcurrentQueue<EmulatorFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    public void AddRate(string route, EmulatorFault fault, double fraction)
        => _rates.AddOrUpdate(route, _ => [(fault, fraction)], (_, rates) => [.. rates, (fault, fraction)]);

    public EmulatorFault? Take(string route)
    {
        if (_pending.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault))
        {
            return fault;
        }

        return Draw(AllRoutes) ?? Draw(route);
    }

    // Each fault of a route gets its own draw, in the order they were set; the first that hits is served.
    private EmulatorFault? Draw(string route)
    {
        if (!_rates.TryGetValue(route, out var rates))
        {
            return null;
        }

        foreach (var (fault, fraction) in rates)
        {
            if (Random.Shared.NextDouble() < fraction)
            {
                return fault;
            }
        }

        return null;
    }
}
