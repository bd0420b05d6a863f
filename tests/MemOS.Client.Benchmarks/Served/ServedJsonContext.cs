using System.Text.Json.Serialization;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>How child processes hand their measurements to the benchmark.</summary>
[JsonSerializable(typeof(List<WorkloadMeasurement>))]
internal sealed partial class ServedJsonContext : JsonSerializerContext;
