using MemOS.Client.Server;

namespace MemOS.Client.Tests.DependencyInjection;

public sealed class DisposedClientTests
{
    [Fact]
    public async Task Every_call_after_dispose_says_the_MemOSClient_was_disposed()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        var client = server.CreateClient();
        client.Dispose();

        var add = () => client.AddMessageAsync("u", "c", [Messages.MemOSMessage.User("hi")]);
        var search = () => client.SearchMemoryAsync("u", "q");
        var stream = async () =>
        {
            await foreach (var _ in client.ChatStreamAsync(new Chat.ChatRequest { UserId = "u", Query = "q" }))
            {
            }
        };

        (await add.Should().ThrowAsync<ObjectDisposedException>()).Which.ObjectName.Should().Be("MemOSClient");
        (await search.Should().ThrowAsync<ObjectDisposedException>()).Which.ObjectName.Should().Be("MemOSClient");
        (await stream.Should().ThrowAsync<ObjectDisposedException>()).Which.ObjectName.Should().Be("MemOSClient");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_client_over_a_caller_http_client_is_disposed_too()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        using var http = new HttpClient();
        var client = new MemOSServerClient(http, new MemOSServerClientOptions { BaseUrl = server.ServerRoot() });
        client.Dispose();

        var act = () => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q" });

        (await act.Should().ThrowAsync<ObjectDisposedException>()).Which.ObjectName.Should().Be("MemOSServerClient");
    }
}
