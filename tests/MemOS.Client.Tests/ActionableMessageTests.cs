using MemOS.Client.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MemOS.Client.Tests;

/// <summary>Messages name where a value came from and what to do: the variable, the URL, the parameter, the reload.</summary>
public sealed class ActionableMessageTests
{
    private const string Key = "secret-key-0123456789";

    [Fact]
    public async Task A_404_shows_the_url_it_called()
    {
        await using var server = await LoopbackServer.RespondingWith("{\"detail\":\"Not Found\"}"u8.ToArray(), status: 404);
        using var client = server.CreateClient();

        var act = () => client.SearchMemoryAsync("u", "q");

        var error = (await act.Should().ThrowAsync<MemOSNotFoundException>()).Which;
        error.Message.Should().Contain($"URL called: {server.BaseUrl.ToString().TrimEnd('/')}/search/memory.").And.Contain("Fix:").And.NotContain(LoopbackServer.ApiKey);
    }

    [Fact]
    public async Task An_empty_user_id_in_a_shortcut_is_named_as_the_parameter_the_caller_wrote()
    {
        await using var server = await LoopbackServer.RespondingWith("{}"u8.ToArray());
        using var client = server.CreateClient();

        var search = () => client.SearchMemoryAsync(" ", "q");
        var add = () => client.AddMessageAsync("", "c", [MemOSMessage.User("hi")]);

        var error = (await search.Should().ThrowAsync<ArgumentException>()).Which;
        error.ParamName.Should().Be("userId");
        error.Message.Should().StartWith("userId is required").And.NotContain("leave it null");
        (await add.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("userId");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void A_bad_base_url_from_the_environment_is_named_as_its_variable()
    {
        var options = new MemOSClientOptions { ApiKey = Key };
        options.ApplyEnvironmentDefaults(name => name == "MEMOS_BASE_URL" ? "memos.example.com/api" : null);

        options.GetValidationErrors().Should().ContainSingle().Which.Should().StartWith("MEMOS_BASE_URL (environment variable) is 'memos.example.com/api', which is not an absolute URL");
    }

    [Fact]
    public void A_bad_base_url_set_in_code_is_named_as_the_option()
    {
        var options = new MemOSClientOptions { ApiKey = Key, BaseUrl = new Uri("memos.example.com/api", UriKind.Relative) };
        options.ApplyEnvironmentDefaults(name => name == "MEMOS_BASE_URL" ? "https://ignored.example.com" : null);

        options.GetValidationErrors().Should().ContainSingle().Which.Should().StartWith("MemOSClientOptions.BaseUrl is 'memos.example.com/api'");
    }

    [Fact]
    public async Task A_missing_section_is_logged_at_start_even_when_the_required_values_come_from_elsewhere()
    {
        var logs = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MemOSS:Timeout"] = "00:00:30" }).Build();
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(logs);
        services.AddMemOSClient(configuration.GetSection("MemOS"));

        // As MEMOS_API_KEY would: the key is filled after the (missing) section was bound.
        services.PostConfigure<MemOSClientOptions>(options => options.ApiKey = Key);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IMemOSClient>().Should().NotBeNull();

        logs.Lines.Where(line => line.Level >= LogLevel.Warning).Should().ContainSingle()
            .Which.Message.Should().StartWith("The MemOS configuration section 'MemOS' does not exist").And.NotContain(Key);
    }

    [Fact]
    public async Task A_reload_to_an_empty_key_is_refused_with_a_log_line_and_the_old_key_is_kept()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        var logs = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MemOS:ApiKey"] = Key, ["MemOS:BaseUrl"] = server.BaseUrl.ToString() }).Build();
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(logs);
        services.AddMemOSClient(configuration.GetSection("MemOS"));

        // What the section says, whatever MEMOS_API_KEY holds on this machine.
        services.PostConfigure<MemOSClientOptions>(options => options.ApiKey = configuration["MemOS:ApiKey"]);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMemOSClient>();

        configuration["MemOS:ApiKey"] = "";
        var reload = () => configuration.Reload();
        reload.Should().Throw<OptionsValidationException>("the options monitor rethrows the refusal to whoever reloaded");
        await client.AddMessageAsync("u", "c", [MemOSMessage.User("after")]);

        server.SingleRequest.Header("Authorization").Should().Be("Token " + Key);
        logs.Lines.Where(line => line.Level >= LogLevel.Warning).Should().ContainSingle().Which.Message.Should().StartWith("Reloaded MemOS configuration refused; the client keeps its previous settings and API key: MemOS:ApiKey is missing");
    }
}
