using System.Diagnostics;
using MemOS.Client.Aspire;
using MemOS.Client.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MemOS.Client.Tests.Aspire;

/// <summary>The Aspire client integration as a service's Program.cs uses it, against the emulator.</summary>
public sealed class AspireClientTests
{
    [Fact]
    public async Task A_connection_string_points_the_client_at_its_endpoint_with_its_key_and_the_health_check_passes()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var builder = Builder(("ConnectionStrings:memos", $"Endpoint={emulator.BaseUrl};Key={emulator.ApiKey}"), ("Aspire:MemOS:HealthCheckTimeout", "00:01:00"));

        builder.AddMemOSClient("memos");

        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IMemOSClient>();
        ((MemOSClient)client).BaseUrl.AbsoluteUri.TrimEnd('/').Should().Be(emulator.BaseUrl.AbsoluteUri);
        (await client.SearchMemoryAsync("u1", "anything")).Memories.Should().BeEmpty();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        report.Entries.Should().ContainKey("MemOS").WhoseValue.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Settings_come_from_Aspire_MemOS_then_the_named_section_then_the_connection_string_then_the_delegate()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        MemOSClientSettings? seen = null;
        var builder = Builder(
            ("Aspire:MemOS:Endpoint", "http://127.0.0.1:1/unused"),
            ("Aspire:MemOS:Key", "from-the-section"),
            ("Aspire:MemOS:DisableMetrics", "true"),
            ("Aspire:MemOS:memos:Key", "from-the-named-section"),
            ("Aspire:MemOS:memos:DisableTracing", "true"),
            ("ConnectionStrings:memos", emulator.BaseUrl.ToString()));

        builder.AddMemOSClient("memos", settings =>
        {
            settings.Key.Should().Be("from-the-named-section");
            settings.Endpoint.Should().Be(emulator.BaseUrl, "a bare URL is the endpoint");
            settings.Key = emulator.ApiKey;
            seen = settings;
        });

        using var host = builder.Build();
        seen!.DisableMetrics.Should().BeTrue();
        seen.DisableTracing.Should().BeTrue();
        seen.ToString().Should().NotContain(emulator.ApiKey);
        (await host.Services.GetRequiredService<IMemOSClient>().SearchMemoryAsync("u1", "anything")).Should().NotBeNull();
    }

    [Theory]
    [InlineData("endpoint={0};key={1}")]
    [InlineData(" Key = {1} ; ENDPOINT = {0} ")]
    public void Connection_string_keys_are_read_in_any_case_and_order(string format)
    {
        var settings = new MemOSClientSettings();

        settings.ParseConnectionString("memos", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "http://localhost:5100/api/openmem/v1", "memos-key-1"));

        settings.Endpoint.Should().Be(new Uri("http://localhost:5100/api/openmem/v1"));
        settings.Key.Should().Be("memos-key-1");
    }

    [Theory]
    [InlineData("Endpoint=not a url;Key=memos-secret-9")]
    [InlineData("Endpoint=http://localhost;Password=memos-secret-9")]
    [InlineData("Key=\"memos-secret-9")]
    public void An_unreadable_connection_string_fails_naming_it_without_quoting_it(string connectionString)
    {
        var builder = Builder(("ConnectionStrings:memos", connectionString));

        var act = () => builder.AddMemOSClient("memos");

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("ConnectionStrings:memos").And.NotContain("memos-secret-9");
    }

    [Fact]
    public async Task A_keyed_client_is_configured_from_its_own_connection_string_with_its_own_health_check()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var otherKey = emulator.CreateApiKey();
        var builder = Builder(
            ("ConnectionStrings:projectA", $"Endpoint={emulator.BaseUrl};Key={emulator.ApiKey}"),
            ("ConnectionStrings:projectB", $"Endpoint={emulator.BaseUrl};Key={otherKey}"),
            ("Aspire:MemOS:HealthCheckTimeout", "00:01:00"));

        builder.AddKeyedMemOSClient("projectA");
        builder.AddKeyedMemOSClient("projectB");

        using var host = builder.Build();
        var a = host.Services.GetRequiredKeyedService<IMemOSClient>("projectA");
        var b = host.Services.GetRequiredKeyedService<IMemOSClient>("projectB");
        await a.AddMessageAsync("u1", "c1", [Messages.MemOSMessage.User("I live in Lyon.")]);
        (await a.SearchMemoryAsync("u1", "Where do I live?")).Memories.Should().ContainSingle("project A wrote it");
        (await b.SearchMemoryAsync("u1", "Where do I live?")).Memories.Should().BeEmpty("project B has its own key, so its own data");
        host.Services.GetService<IMemOSClient>().Should().BeNull("only keyed clients were registered");
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        report.Entries.Keys.Should().BeEquivalentTo("MemOS_projectA", "MemOS_projectB");
        report.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Tracing_and_metrics_are_on_by_default_and_reach_the_apps_OpenTelemetry_exporters()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = Builder(("ConnectionStrings:memos", $"Endpoint={emulator.BaseUrl};Key={emulator.ApiKey}"));
        builder.AddMemOSClient("memos");
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithMetrics(metering => metering.AddInMemoryExporter(metrics));

        using (var host = builder.Build())
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<IMemOSClient>().SearchMemoryAsync("u1", "anything");
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            await host.StopAsync();
        }

        spans.Should().Contain(span => span.DisplayName == "search_memory" && span.GetTagItem("server.port") as int? == emulator.BaseUrl.Port);
        metrics.Select(metric => metric.Name).Should().Contain("gen_ai.client.operation.duration");
    }

    [Fact]
    public void The_disable_switches_leave_out_the_health_check_tracing_and_metrics()
    {
        var builder = Builder(("ConnectionStrings:memos", "Endpoint=http://127.0.0.1:5100/api/openmem/v1;Key=k"));

        builder.AddMemOSClient("memos", settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableTracing = true;
            settings.DisableMetrics = true;
        });

        builder.Services.Should().NotContain(service => service.ServiceType == typeof(HealthCheckService));
        builder.Services.Should().NotContain(service => service.ServiceType.Namespace != null && service.ServiceType.Namespace.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        using var host = builder.Build();
        host.Services.GetRequiredService<IMemOSClient>().Should().NotBeNull();
    }

    private static HostApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)));
        return builder;
    }
}
