using System.Diagnostics;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MemOS.Client.Tests;

/// <summary>The SDK's telemetry as the real OpenTelemetry SDK exports it, in the GenAI memory conventions.</summary>
public sealed class OpenTelemetryExportTests
{
    private const string Statement = "I prefer hotels near the metro.";
    private const string Query = "Which hotels do I prefer?";

    [Fact]
    public async Task Memory_calls_are_exported_as_client_spans_and_metrics_with_GenAI_memory_operation_names_and_no_content()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("MemOS.Client").AddInMemoryExporter(spans).Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddMeter("MemOS.Client").AddInMemoryExporter(metrics).Build())
        {
            using var memos = emulator.CreateClient();
            await memos.AddMessageAsync("u1", "c1", [MemOSMessage.User(Statement)]);
            var found = await memos.SearchMemoryAsync("u1", Query);
            found.Memories.Should().ContainSingle();
            found.Preferences.Should().ContainSingle();
            await memos.DeleteMemoryAsync(new Memories.DeleteMemoryRequest { MemoryIds = [found.Memories[0].Id!] });
        }

        // Tests run in parallel over one static source: only this emulator's calls count here.
        var port = emulator.BaseUrl.Port;
        var mine = spans.Where(span => span.GetTagItem("server.port") as int? == port).ToList();
        mine.Select(span => span.GetTagItem("gen_ai.operation.name")).Should().Equal("upsert_memory", "search_memory", "delete_memory");
        mine.Should().OnlyContain(span => span.Kind == ActivityKind.Client && (string?)span.GetTagItem("gen_ai.provider.name") == "memos");
        mine.Select(span => span.GetTagItem("memos.operation")).Should().Equal("add/message", "search/memory", "delete/memory");
        mine[1].GetTagItem("gen_ai.memory.record.count").Should().Be(2, "one fact and one preference came back");
        mine[0].GetTagItem("gen_ai.memory.record.count").Should().BeNull("the service does not say how many memories a message made");
        mine.SelectMany(span => span.TagObjects).Should().NotContain(tag => tag.Key.StartsWith("gen_ai.memory.query", StringComparison.Ordinal) || tag.Key == "gen_ai.memory.records");
        mine.SelectMany(span => span.TagObjects).Select(tag => tag.Value?.ToString() ?? string.Empty)
            .Should().NotContain(value => value.Contains("metro", StringComparison.Ordinal) || value.Contains("prefer", StringComparison.Ordinal));

        // The meter provider exported once, when it was disposed: cumulative points of every call so far.
        var duration = metrics.Should().ContainSingle(metric => metric.Name == "memos.client.request.duration").Subject;
        var operations = new List<string>();
        foreach (var point in duration.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            if (tags["server.port"] as int? == port)
            {
                tags["gen_ai.provider.name"].Should().Be("memos");
                point.GetHistogramCount().Should().Be(1);
                operations.Add((string)tags["gen_ai.operation.name"]!);
            }
        }

        operations.Should().BeEquivalentTo("upsert_memory", "search_memory", "delete_memory");

        // The exporter takes the SDK's bucket advice: seconds from 10 ms to 82 s, not its millisecond defaults.
        foreach (var name in new[] { "memos.client.request.duration", "gen_ai.client.operation.duration" })
        {
            var metric = metrics.Should().ContainSingle(metric => metric.Name == name).Subject;
            foreach (var point in metric.MetricPoints)
            {
                var bounds = new List<double>();
                foreach (var bucket in point.GetHistogramBuckets())
                {
                    bounds.Add(bucket.ExplicitBound);
                }

                bounds.Should().Equal([0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92, double.PositiveInfinity], name);
            }
        }
    }
}
