using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>
/// Records the SDK's activities and measurements through the runtime's own listeners, as an
/// OpenTelemetry exporter would see them. Tests run in parallel against one static source and
/// meter, so each test reads only what carries its own server's port.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private const string Name = "MemOS.Client";

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray())));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray())));
        _meters.Start();
    }

    /// <summary>The finished spans of calls to this server.</summary>
    public IReadOnlyList<Activity> Activities(Uri server)
        => _stopped.Where(activity => Equals(activity.GetTagItem("server.port"), server.Port)).ToArray();

    /// <summary>The measurements of calls to this server.</summary>
    public IReadOnlyList<Measurement> Measurements(Uri server)
        => _measurements.Where(measurement => measurement.Tags.Any(tag => tag.Key == "server.port" && Equals(tag.Value, server.Port))).ToArray();

    /// <summary>Every tag value recorded for this server, spans and measurements alike, as text.</summary>
    public IEnumerable<string> AllTagValues(Uri server)
        => Activities(server).SelectMany(activity => activity.TagObjects.Select(tag => tag.Value?.ToString() ?? string.Empty).Append(activity.DisplayName).Append(activity.StatusDescription ?? string.Empty))
            .Concat(Measurements(server).SelectMany(measurement => measurement.Tags.Select(tag => tag.Value?.ToString() ?? string.Empty)));

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    public sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(tag => tag.Key == key).Value;
    }
}
