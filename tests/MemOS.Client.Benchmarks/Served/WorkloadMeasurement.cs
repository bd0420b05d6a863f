namespace MemOS.Client.Benchmarks.Served;

/// <summary>A workload's measurement, as a child process reports it.</summary>
internal sealed record WorkloadMeasurement(string Workload, Measurement Measurement);
