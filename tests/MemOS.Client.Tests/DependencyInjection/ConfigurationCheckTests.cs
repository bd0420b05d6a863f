using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MemOS.Client.Tests.DependencyInjection;

public sealed class ConfigurationCheckTests
{
    private const string Key = "secret-key-0123456789";

    [Theory]
    [InlineData("Regoin", "Global", "MemOS:Regoin is not a MemOS setting*ApiKey, Region, BaseUrl*")]
    [InlineData("Retry:MaxRetrys", "3", "MemOS:Retry:MaxRetrys is not a MemOS setting*MaxRetries*")]
    [InlineData("Region", "Europe", "MemOS:Region is 'Europe', which is not a MemOS region: use China or Global.")]
    [InlineData("Timeout", "60", "MemOS:Timeout is '60', a bare number, which would be read as 60 days: write a time span such as 00:01:00*")]
    [InlineData("AllowInsecureHttp", "yes", "MemOS:AllowInsecureHttp is 'yes': use true or false.")]
    [InlineData("Retry:MaxRetries", "three", "MemOS:Retry:MaxRetries is 'three': write a whole number, such as 3.")]
    [InlineData("Retry:AttemptTimeout", "soon", "MemOS:Retry:AttemptTimeout is 'soon', which is not a time span*00:01:00*")]
    public async Task A_configuration_mistake_stops_the_host_naming_its_path(string key, string value, string expected)
    {
        using var host = Host(new() { ["MemOS:ApiKey"] = Key, ["MemOS:" + key] = value });

        var act = () => host.StartAsync();

        var failure = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.Failures.Should().ContainSingle().Which.Should().Match(expected);
        failure.Message.Should().NotContain(Key);
    }

    [Fact]
    public async Task A_missing_key_names_its_configuration_path_in_the_section()
    {
        using var host = Host(new() { ["MemOS:Region"] = "global" });

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().Equal(
            "MemOS:ApiKey is missing: set it, or the MEMOS_API_KEY environment variable, to your MemOS project's API key.");
    }

    [Fact]
    public async Task A_misspelt_section_is_named_as_missing()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MemOS:ApiKey"] = Key });
        builder.Services.AddMemOSClient(builder.Configuration.GetSection("MemOSS"));
        using var host = builder.Build();

        var act = () => host.StartAsync();

        var failure = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.Failures.Should().ContainSingle().Which.Should().StartWith("MemOSS:ApiKey is missing, and so is the whole configuration section 'MemOSS'");
        failure.Message.Should().NotContain(Key);
    }

    [Theory]
    [InlineData("Timeout", "-00:00:05", "MemOS:Timeout is '-00:00:05'; use a positive time span such as 00:00:30 (30 seconds).")]
    [InlineData("StreamIdleTimeout", "00:00:00", "MemOS:StreamIdleTimeout is '00:00:00'; use a positive time span such as 00:00:30 (30 seconds).")]
    [InlineData("BaseUrl", "not a url", "MemOS:BaseUrl is 'not a url', which is not an absolute URL; use one such as https://memos.memtensor.cn/api/openmem/v1.")]
    [InlineData("MaxStreamEventBytes", "0", "MemOS:MaxStreamEventBytes is '0'; use a positive number of bytes, such as 4194304 (4 MB, the default).")]
    [InlineData("Retry:MaxRetries", "11", "MemOS:Retry:MaxRetries is '11'; use a whole number from 0 (no retries) to 10.")]
    [InlineData("Retry:BaseDelay", "-00:00:01", "MemOS:Retry:BaseDelay is '-00:00:01'; use a time span of zero or more, such as 00:00:00.5 (half a second).")]
    [InlineData("Retry:MaxDelay", "00:00:00.1", "MemOS:Retry:MaxDelay is '00:00:00.1000000', shorter than MemOS:Retry:BaseDelay ('00:00:00.5000000'); use a time span at least as long, such as 00:00:10.")]
    [InlineData("Retry:AttemptTimeout", "00:00:00", "MemOS:Retry:AttemptTimeout is '00:00:00'; use a positive time span such as 00:00:30 (30 seconds).")]
    [InlineData("UserAgentApplicationId", "My App", "MemOS:UserAgentApplicationId is 'My App', which is not a User-Agent product token*")]
    public async Task A_bound_value_out_of_range_names_its_path_and_value(string key, string value, string expected)
    {
        using var host = Host(new() { ["MemOS:ApiKey"] = Key, ["MemOS:" + key] = value });

        var act = () => host.StartAsync();

        var failure = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.Failures.Should().ContainSingle().Which.Should().Match(expected);
        failure.Message.Should().NotContain(Key);
    }

    [Fact]
    public async Task A_valid_section_starts_and_binds_case_insensitively()
    {
        using var host = Host(new() { ["MemOS:apikey"] = Key, ["MemOS:Region"] = "global", ["MemOS:Timeout"] = "00:01:00", ["MemOS:Retry:AttemptTimeout"] = "00:00:20" });

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<MemOSClientOptions>>().Value;
        options.Region.Should().Be(MemOSRegion.Global);
        options.Timeout.Should().Be(TimeSpan.FromMinutes(1));
        options.Retry.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(20));
        await host.StopAsync();
    }

    [Fact]
    public void A_whole_configuration_root_may_hold_the_apps_other_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ApiKey"] = Key, ["Logging:LogLevel:Default"] = "Information", ["Timeout"] = "60" }).Build();
        var services = new ServiceCollection();
        services.AddMemOSClient(configuration);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<MemOSClientOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal("Timeout is '60', a bare number, which would be read as 60 days: write a time span such as 00:01:00 (one minute) or 00:00:30 (30 seconds).");
    }

    [Fact]
    public async Task A_keyed_server_client_section_is_checked_with_its_own_path()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Local:BaseUrl"] = "http://localhost:8001", ["Local:Timout"] = "00:00:10" });
        builder.Services.AddMemOSServerClient("local", builder.Configuration.GetSection("Local"));
        using var host = builder.Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().ContainSingle().Which.Should().StartWith("Local:Timout is not a MemOS setting");
    }

    [Fact]
    public void The_checked_keys_are_exactly_the_bindable_properties_of_the_options()
    {
        static string[] Bindable(Type type) => type.GetProperties()
            .Where(p => p.CanWrite && p.PropertyType != typeof(TimeProvider) && p.PropertyType != typeof(Microsoft.Extensions.Logging.ILoggerFactory) && p.PropertyType != typeof(System.Threading.RateLimiting.RateLimiter))
            .Select(p => p.Name).Order().ToArray();
        static string[] Checked(IReadOnlyList<ConfigurationSetting> settings) => settings.Select(s => s.Name).Order().ToArray();

        Checked(SettingsOf<MemOSClientOptions>()).Should().Equal(Bindable(typeof(MemOSClientOptions)));
        Checked(SettingsOf<Server.MemOSServerClientOptions>()).Should().Equal(Bindable(typeof(Server.MemOSServerClientOptions)));
        Checked(ConfigurationSetting.Retry).Should().Equal(Bindable(typeof(MemOSRetryOptions)));
    }

    private static IReadOnlyList<ConfigurationSetting> SettingsOf<TOptions>()
        where TOptions : MemOS.Client.Transport.IMemOSTransportOptions
        => TOptions.Settings;

    private static IHost Host(Dictionary<string, string?> values)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddMemOSClient(builder.Configuration.GetSection("MemOS"));
        return builder.Build();
    }
}
