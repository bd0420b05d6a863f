using System.Diagnostics.Metrics;

namespace MemOS.Client.Benchmarks;

/// <summary>Counts the rate-limited answers the SDK reports on its <c>memos.client.rate_limits</c> counter.</summary>
internal sealed class RateLimitCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RateLimitCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MemOS.Client" && instrument.Name == "memos.client.rate_limits")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
