using System.Net;
using System.Net.Sockets;
using MemOS.Client.Server;
using MemOS.Client.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MemOS.Client.Tests;

/// <summary>The health checks as an app's health endpoint runs them: registered with one call, run by the framework's service.</summary>
public sealed class HealthCheckTests
{
    // Long enough that a loaded machine never turns an answer into a timeout; the timeout has its own test.
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_cloud_check_is_healthy_when_the_key_is_accepted()
    {
        await using var emulator = await MemOSEmulator.StartAsync();

        var entry = await RunAsync(emulator.CreateOptions(), services => services.AddHealthChecks().AddMemOS(timeout: Generous));

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Description.Should().Contain("MemOS cloud at 127.0.0.1");
    }

    [Fact]
    public async Task A_refused_key_is_unhealthy_and_says_unauthorized_without_the_key()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var options = emulator.CreateOptions();
        options.ApiKey = "memos-wrong-key-0123456789";

        var entry = await RunAsync(options, services => services.AddHealthChecks().AddMemOS(timeout: Generous));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("Unauthorized").And.NotContain(options.ApiKey);
        entry.Exception!.ToString().Should().NotContain(options.ApiKey);
        entry.Data["code"].Should().Be(40132);
    }

    [Fact]
    public async Task A_rate_limited_probe_is_degraded()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("search/memory", EmulatorFault.ErrorCode(MemOSErrorCodes.TokenWindowExceeded), times: 10);
        var options = emulator.CreateOptions();
        options.Retry = new MemOSRetryOptions { MaxRetries = 0 };

        var entry = await RunAsync(options, services => services.AddHealthChecks().AddMemOS(timeout: Generous));

        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Description.Should().StartWith("Rate limited");
    }

    [Fact]
    public async Task An_unreachable_service_is_unhealthy_and_says_so()
    {
        var options = new MemOSClientOptions { ApiKey = "memos-key-0123456789", BaseUrl = DeadPort(), Retry = new MemOSRetryOptions { MaxRetries = 0 } };

        var entry = await RunAsync(options, services => services.AddHealthChecks().AddMemOS(failureStatus: HealthStatus.Degraded, timeout: Generous));

        entry.Status.Should().Be(HealthStatus.Degraded, "the registration's failure status applies");
        entry.Description.Should().StartWith("Unreachable");
    }

    [Fact]
    public async Task A_probe_that_outlasts_its_timeout_is_unhealthy_and_says_it_timed_out()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("search/memory", EmulatorFault.Delay(TimeSpan.FromMinutes(1)));

        var entry = await RunAsync(emulator.CreateOptions(), services => services.AddHealthChecks().AddMemOS(timeout: TimeSpan.FromMilliseconds(50)));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("Timed out: the MemOS cloud at 127.0.0.1 did not answer within 0.05 s.");
    }

    [Fact]
    public async Task A_keyed_client_has_its_own_check()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddMemOSClient("projectB", options =>
        {
            options.BaseUrl = emulator.BaseUrl;
            options.ApiKey = emulator.ApiKey;
        });
        services.AddHealthChecks().AddMemOS("projectB", timeout: Generous);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries.Should().ContainKey("memos-projectB").WhoseValue.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task The_server_check_asks_GET_health()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path == "/health" && HttpMethods.IsGet(context.Request.Method)
            ? Respond.Text(context, """{"status":"healthy"}""")
            : Respond.Text(context, "not found", 404));

        var entry = await RunServerAsync(new MemOSServerClientOptions { BaseUrl = server.ServerRoot() });

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Description.Should().Contain("MemOS server at 127.0.0.1:" + server.BaseUrl.Port);
    }

    [Fact]
    public async Task A_failing_server_is_unhealthy_with_its_status()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":503,"message":"chat is disabled"}""", 503));

        var entry = await RunServerAsync(new MemOSServerClientOptions { BaseUrl = server.ServerRoot(), Retry = new MemOSRetryOptions { MaxRetries = 0 } });

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("Failing");
        entry.Data["http_status"].Should().Be(503);
    }

    [Fact]
    public async Task An_unreachable_server_is_unhealthy_and_says_so()
    {
        var entry = await RunServerAsync(new MemOSServerClientOptions { BaseUrl = DeadPort(), Retry = new MemOSRetryOptions { MaxRetries = 0 } });

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("Unreachable");
    }

    private static async Task<HealthReportEntry> RunAsync(MemOSClientOptions options, Action<IServiceCollection> addChecks)
    {
        var services = new ServiceCollection();
        services.AddMemOSClient(configured =>
        {
            configured.ApiKey = options.ApiKey;
            configured.BaseUrl = options.BaseUrl;
            configured.Retry = options.Retry;
        });
        addChecks(services);
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries.Should().ContainSingle().Subject.Value;
    }

    private static async Task<HealthReportEntry> RunServerAsync(MemOSServerClientOptions options)
    {
        var services = new ServiceCollection();
        services.AddMemOSServerClient(configured =>
        {
            configured.BaseUrl = options.BaseUrl;
            configured.Retry = options.Retry;
        });
        services.AddHealthChecks().AddMemOSServer(timeout: Generous);
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries.Should().ContainSingle().Which.Value;
    }

    // A loopback port nothing listens on: bound, read, released.
    private static Uri DeadPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}/");
    }
}
