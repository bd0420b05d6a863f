using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MemOS.Client.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_to_the_china_endpoint_and_switches_region_to_global()
    {
        new MemOSClientOptions().ResolveBaseUrl().Should().Be(new Uri(MemOSClientOptions.ChinaBaseUrl));
        new MemOSClientOptions { Region = MemOSRegion.Global }.ResolveBaseUrl().Should().Be(new Uri(MemOSClientOptions.GlobalBaseUrl));
        new MemOSClientOptions { Region = MemOSRegion.Global, BaseUrl = new Uri("https://proxy.example/v1") }.ResolveBaseUrl().Host.Should().Be("proxy.example");
    }

    [Theory]
    [InlineData(null, "https://memos.memtensor.cn/api/openmem/v1", false, "MemOSClientOptions.ApiKey is missing: set it, or the MEMOS_API_KEY environment variable")]
    [InlineData("key", "relative/path", false, "MemOSClientOptions.BaseUrl is 'relative/path', which is not an absolute URL; use one such as https://")]
    [InlineData("key", "http://memos.example.com/v1", false, "MemOSClientOptions.BaseUrl is 'http://memos.example.com/v1', plain http")]
    [InlineData("key", "ftp://memos.example.com/v1", false, "must use https")]
    [InlineData("key\nwith-newline", "https://memos.memtensor.cn/api/openmem/v1", false, "control characters")]
    public void Invalid_options_are_refused_with_a_clear_message(string? apiKey, string baseUrl, bool allowHttp, string expected)
    {
        var options = new MemOSClientOptions { ApiKey = apiKey, BaseUrl = new Uri(baseUrl, UriKind.RelativeOrAbsolute), AllowInsecureHttp = allowHttp };

        var act = () => new MemOSClient(options);

        act.Should().Throw<ArgumentException>().WithMessage($"*{expected}*");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1", false)]
    [InlineData("http://localhost:5000/v1", false)]
    [InlineData("http://memos.internal/v1", true)]
    public void Plain_http_is_accepted_for_loopback_or_when_explicitly_allowed(string baseUrl, bool allowHttp)
    {
        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = "key", BaseUrl = new Uri(baseUrl), AllowInsecureHttp = allowHttp });

        client.BaseUrl.Should().Be(new Uri(baseUrl + "/"));
    }

    [Fact]
    public void A_caller_supplied_http_client_is_neither_changed_nor_disposed()
    {
        using var http = new HttpClient();
        var timeout = http.Timeout;

        using (new MemOSClient(http, new MemOSClientOptions { ApiKey = "key" }))
        {
        }

        http.Timeout.Should().Be(timeout);
        http.DefaultRequestHeaders.Should().BeEmpty();
        http.BaseAddress.Should().BeNull();
        FluentActions.Invoking(() => http.CancelPendingRequests()).Should().NotThrow();
    }

    [Fact]
    public async Task Dependency_injection_binds_configuration_and_sends_through_the_http_client_factory()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MemOS:ApiKey"] = LoopbackServer.ApiKey,
            ["MemOS:BaseUrl"] = server.BaseUrl.ToString(),
            ["MemOS:Timeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();

        var builder = services.AddMemOSClient(configuration.GetSection("MemOS"));
        await using var provider = services.BuildServiceProvider();

        builder.Name.Should().Be(MemOSServiceCollectionExtensions.HttpClientName);
        provider.GetRequiredService<IOptions<MemOSClientOptions>>().Value.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        var client = provider.GetRequiredService<IMemOSClient>();
        client.Should().BeSameAs(provider.GetRequiredService<IMemOSClient>());
        await client.AddMessageAsync("u", "c", [Messages.MemOSMessage.User("hi")]);
        server.SingleRequest.Header("Authorization").Should().Be("Token " + LoopbackServer.ApiKey);
    }

    [Fact]
    public async Task Dependency_injection_validates_options_when_the_host_starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMemOSClient(options =>
        {
            options.ApiKey = "key";
            options.BaseUrl = new Uri("http://memos.example.com/v1");
        });
        using var host = builder.Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("plain http");
    }
}

[Collection(ProcessEnvironment.Name)]
public sealed class EnvironmentOptionsTests
{
    [Fact]
    public void FromEnvironment_reads_the_official_client_variables()
    {
        using var _ = ProcessEnvironment.Set(("MEMOS_API_KEY", "env-key"), ("MEMOS_BASE_URL", null), ("MEMOS_IS_GLOBAL", "true"));

        var options = MemOSClientOptions.FromEnvironment();

        options.ApiKey.Should().Be("env-key");
        options.ResolveBaseUrl().Should().Be(new Uri(MemOSClientOptions.GlobalBaseUrl));
    }

    [Fact]
    public void An_explicit_base_url_variable_wins_over_the_region_switch()
    {
        using var _ = ProcessEnvironment.Set(("MEMOS_API_KEY", "env-key"), ("MEMOS_BASE_URL", "https://proxy.example/api/openmem/v1"), ("MEMOS_IS_GLOBAL", "true"));

        MemOSClientOptions.FromEnvironment().ResolveBaseUrl().Host.Should().Be("proxy.example");
    }

    [Fact]
    public void FromEnvironment_without_a_key_fails_naming_the_variable()
    {
        using var _ = ProcessEnvironment.Set(("MEMOS_API_KEY", null), ("MEMOS_BASE_URL", null), ("MEMOS_IS_GLOBAL", null));

        var act = MemOSClient.FromEnvironment;

        act.Should().Throw<ArgumentException>().WithMessage("*MEMOS_API_KEY*");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Process environment";

    public static IDisposable Set(params (string Name, string? Value)[] variables)
    {
        var previous = variables.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        return new Restore(previous);
    }

    private sealed class Restore((string Name, string? Value)[] previous) : IDisposable
    {
        public void Dispose()
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
