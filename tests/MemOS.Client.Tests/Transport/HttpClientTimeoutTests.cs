using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests.Transport;

public sealed class HttpClientTimeoutTests
{
    [Fact]
    public async Task A_callers_http_client_timeout_is_reported_as_that_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // No answer until the client gives up.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        using var client = new MemOSClient(http, new MemOSClientOptions
        {
            ApiKey = LoopbackServer.ApiKey,
            BaseUrl = server.BaseUrl,
            Timeout = TimeSpan.FromMinutes(5),
        });

        var error = (await FluentActions.Awaiting(() => client.SearchMemoryAsync("u", "q").WaitAsync(TimeSpan.FromMinutes(1)))
            .Should().ThrowAsync<MemOSTimeoutException>()).Which;

        error.Message.Should().Contain("after 1 s").And.Contain("Timeout of the HttpClient").And.NotContain("300 s");
    }
}
