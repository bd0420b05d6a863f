using Microsoft.AspNetCore.Http;
using MemOS.Client.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MemOS.Client.Tests.DependencyInjection;

public sealed class RegistrationTests
{
    [Fact]
    public void A_second_AddMemOSClient_fails_and_says_how_to_register_another_client()
    {
        var services = new ServiceCollection();
        services.AddMemOSClient(options => options.ApiKey = "key-one-0123456789");

        var act = () => services.AddMemOSClient(options => options.ApiKey = "key-two-0123456789");

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("AddMemOSClient was already called*second retry handler*AddMemOSClient(\"projectB\"*[FromKeyedServices(\"projectB\")] IMemOSClient*")
            .Which.Message.Should().NotContain("0123456789");
    }

    [Fact]
    public void A_second_client_under_the_same_name_fails_too()
    {
        var services = new ServiceCollection();
        services.AddMemOSServerClient("b", options => options.BaseUrl = new Uri("http://127.0.0.1:1"));

        var act = () => services.AddMemOSServerClient("b", options => options.BaseUrl = new Uri("http://127.0.0.1:2"));

        act.Should().Throw<InvalidOperationException>().WithMessage("AddMemOSServerClient was already called for IMemOSServerClient named 'b'*");
    }

    [Fact]
    public void A_whitespace_name_is_refused()
    {
        var act = () => new ServiceCollection().AddMemOSClient(" ", options => options.ApiKey = "key");

        act.Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Fact]
    public async Task One_failing_search_is_tried_three_times_with_the_default_retry_budget()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddMemOSClient(Section(server, "MemOS", LoopbackServer.ApiKey));
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IMemOSClient>().SearchMemoryAsync("u", "q");

        await act.Should().ThrowAsync<MemOSException>();
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Keyed_clients_have_their_own_options_address_key_and_retry_handler()
    {
        var answer = Fixture.Bytes("add_message.response.json");
        await using var serverA = await LoopbackServer.RespondingWith(answer);
        await using var serverB = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            Values(serverA, "MemOS", "key-a-0123456789").Concat(Values(serverB, "MemOSB", "key-b-0123456789")).Concat([new("MemOSB:Retry:MaxRetries", "1")])).Build();
        var services = new ServiceCollection();
        services.AddMemOSClient(configuration.GetSection("MemOS"));
        var builder = services.AddMemOSClient("projectB", configuration.GetSection("MemOSB"));
        await using var provider = services.BuildServiceProvider();

        var clientA = provider.GetRequiredService<IMemOSClient>();
        var clientB = provider.GetRequiredKeyedService<IMemOSClient>("projectB");
        await clientA.AddMessageAsync("u", "c", [Messages.MemOSMessage.User("hi")]);
        var failure = () => clientB.SearchMemoryAsync("u", "q");

        builder.Name.Should().Be(MemOSServiceCollectionExtensions.HttpClientName + ":projectB");
        clientB.Should().NotBeSameAs(clientA).And.BeSameAs(provider.GetRequiredKeyedService<IMemOSClient>("projectB"));
        await failure.Should().ThrowAsync<MemOSException>();
        serverA.SingleRequest.Header("Authorization").Should().Be("Token key-a-0123456789");
        serverB.Requests.Should().HaveCount(2, "project B allows one retry, and the default client's handler is not stacked on it");
        serverB.Requests[0].Header("Authorization").Should().Be("Token key-b-0123456789");
    }

    [Fact]
    public async Task A_keyed_server_client_sends_to_its_own_server()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"code":200,"message":"ok","data":[]}"""));
        var services = new ServiceCollection();
        services.AddMemOSServerClient("local", options => options.BaseUrl = server.ServerRoot());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IMemOSServerClient>("local").SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q" });

        server.SingleRequest.Should().NotBeNull();
        provider.GetService<IMemOSServerClient>().Should().BeNull();
    }

    internal static IConfiguration Section(LoopbackServer server, string section, string apiKey)
        => new ConfigurationBuilder().AddInMemoryCollection(Values(server, section, apiKey)).Build().GetSection(section);

    internal static IEnumerable<KeyValuePair<string, string?>> Values(LoopbackServer server, string section, string apiKey) =>
    [
        new($"{section}:ApiKey", apiKey),
        new($"{section}:BaseUrl", server.BaseUrl.ToString()),
        new($"{section}:Retry:BaseDelay", "00:00:00.001"),
        new($"{section}:Retry:UseJitter", "false"),
    ];
}
