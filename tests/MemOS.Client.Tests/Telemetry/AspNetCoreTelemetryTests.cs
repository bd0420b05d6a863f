using System.Diagnostics;
using System.Net;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MemOS.Client.Tests;

/// <summary>
/// README's telemetry set-up for an ASP.NET Core app, run as an operator sees it: a web app that
/// recalls memories while serving a request, its spans and metrics read from the exporter (the
/// in-memory one standing in for OTLP).
/// </summary>
public sealed class AspNetCoreTelemetryTests
{
    [Fact]
    public async Task A_web_app_set_up_as_the_readme_says_exports_the_memory_search_under_the_request_that_made_it()
    {
        await using var emulator = await MemOSEmulator.StartAsync();

        var (spans, metrics) = await ServeOneRecallAsync(emulator, requestInstrumentation: true);

        var port = emulator.BaseUrl.Port;
        var search = spans.Should().ContainSingle(span => span.Source.Name == "MemOS.Client"
            && span.GetTagItem("server.port") as int? == port).Subject;
        search.DisplayName.Should().Be("search_memory");
        search.Kind.Should().Be(ActivityKind.Client);
        var request = spans.Should().ContainSingle(span => span.Kind == ActivityKind.Server
            && span.GetTagItem("url.path") as string == "/recall").Subject;
        search.ParentSpanId.Should().Be(request.SpanId, "the search ran while the request was served");
        search.TraceId.Should().Be(request.TraceId);

        var duration = metrics.Should().ContainSingle(metric => metric.Name == "gen_ai.client.operation.duration").Subject;
        var points = new List<MetricPoint>();
        foreach (var point in duration.GetMetricPoints())
        {
            points.Add(point);
        }

        var searched = points.Should().ContainSingle(point => Tag(point, "server.port") as int? == port).Subject;
        Tag(searched, "gen_ai.operation.name").Should().Be("search_memory");
        searched.GetHistogramCount().Should().Be(1);
        var bounds = new List<double>();
        foreach (var bucket in searched.GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        bounds.Should().StartWith([0.01, 0.02, 0.04], "a dashboard's percentiles are in seconds");
    }

    [Fact]
    public async Task Without_the_request_instrumentation_the_searches_a_request_makes_are_not_exported()
    {
        // Why README asks for AddAspNetCoreInstrumentation: ASP.NET Core starts an activity for each
        // request even when nothing records it, and the default sampler follows that parent.
        await using var emulator = await MemOSEmulator.StartAsync();

        var (spans, _) = await ServeOneRecallAsync(emulator, requestInstrumentation: false);

        spans.Should().NotContain(span => span.GetTagItem("server.port") as int? == emulator.BaseUrl.Port);
    }

    /// <summary>
    /// Stores a memory, starts a web app with README's OpenTelemetry set-up, asks it once for <c>/recall</c> (a search
    /// that finds the memory), and stops it, so that its providers export everything they hold.
    /// </summary>
    private static async Task<(List<Activity> Spans, List<Metric> Metrics)> ServeOneRecallAsync(
        MemOSEmulator emulator,
        bool requestInstrumentation)
    {
        using (var memos = emulator.CreateClient())
        {
            await memos.AddMessageAsync("u1", "c1", [MemOSMessage.User("I prefer hotels near the metro.")]);
        }

        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddMemOSClient(options =>
        {
            options.ApiKey = emulator.ApiKey;
            options.BaseUrl = emulator.BaseUrl;
        });
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                if (requestInstrumentation)
                {
                    tracing.AddAspNetCoreInstrumentation();
                }

                tracing.AddSource("MemOS.Client").AddInMemoryExporter(spans);
            })
            .WithMetrics(metering => metering
                .AddAspNetCoreInstrumentation()
                .AddMeter("MemOS.Client")
                .AddInMemoryExporter(metrics));

        await using (var app = builder.Build())
        {
            app.MapGet("/recall", async (IMemOSClient memos) =>
                (await memos.SearchMemoryAsync("u1", "Which hotels do I prefer?")).Memories.Count);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.Single();
            using (var http = new HttpClient())
            {
                using var answer = await http.GetAsync(new Uri(new Uri(address), "/recall"));
                answer.StatusCode.Should().Be(HttpStatusCode.OK);
                (await answer.Content.ReadAsStringAsync()).Should().Be("1");
            }

            await app.StopAsync();
        }

        return (spans, metrics);
    }

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
