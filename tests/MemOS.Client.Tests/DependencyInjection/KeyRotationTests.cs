using MemOS.Client.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MemOS.Client.Tests.DependencyInjection;

public sealed class KeyRotationTests
{
    [Fact]
    public async Task A_reloaded_api_key_is_sent_by_the_next_call()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        var source = new Dictionary<string, string?> { ["MemOS:ApiKey"] = "first-key-0123456789", ["MemOS:BaseUrl"] = server.BaseUrl.ToString() };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(source).Build();
        var services = new ServiceCollection();
        services.AddMemOSClient(configuration.GetSection("MemOS"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMemOSClient>();
        await client.AddMessageAsync("u", "c", [Messages.MemOSMessage.User("before")]);

        configuration["MemOS:ApiKey"] = "second-key-0123456789";
        configuration.Reload();
        await client.AddMessageAsync("u", "c", [Messages.MemOSMessage.User("after")]);

        server.Requests.Select(r => r.Header("Authorization")).Should().Equal("Token first-key-0123456789", "Token second-key-0123456789");
    }

    [Fact]
    public void After_a_rotation_the_new_and_the_previous_key_are_both_redacted()
    {
        var redactor = new SecretRedactor("old-key-0123456789").Rotated("new-key-0123456789");

        redactor.Redact("echo: old-key-0123456789 / Token new-key-0123456789").Should().Be("echo: *** / Token ***");
    }

    [Fact]
    public async Task A_reload_of_another_named_client_leaves_this_key_alone()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["A:ApiKey"] = "a-key-0123456789",
            ["A:BaseUrl"] = server.BaseUrl.ToString(),
            ["B:ApiKey"] = "b-key-0123456789",
            ["B:BaseUrl"] = server.BaseUrl.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddMemOSClient("a", configuration.GetSection("A"));
        services.AddMemOSClient("b", configuration.GetSection("B"));
        await using var provider = services.BuildServiceProvider();
        var clientA = provider.GetRequiredKeyedService<IMemOSClient>("a");

        configuration["B:ApiKey"] = "b-rotated-0123456789";
        configuration.Reload();
        await clientA.AddMessageAsync("u", "c", [Messages.MemOSMessage.User("hi")]);

        server.SingleRequest.Header("Authorization").Should().Be("Token a-key-0123456789");
    }
}
