using MemOS.Client.Messages;

namespace MemOS.Client.Tests;

public sealed class SecretTests
{
    [Fact]
    public async Task The_api_key_is_in_no_exception_message_or_ToString_even_when_the_service_echoes_it()
    {
        var failures = new List<Exception>();
        await using var echo = await LoopbackServer.StartAsync(context =>
            Respond.Text(context, $$"""{"code":40132,"message":"bad header: {{context.Request.Headers.Authorization}}"}""", 401));
        using (var client = echo.CreateClient())
        {
            failures.Add(await Catch(() => client.AddMessageAsync("u", "c", [MemOSMessage.User("hi")])));
            failures.Add(await Catch(async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync()));
        }

        await using var streamEcho = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, $$"""{"type":"error","content":"auth {{context.Request.Headers.Authorization}}"}""");
        });
        using (var client = streamEcho.CreateClient())
        {
            failures.Add(await Catch(async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync()));
        }

        using (var unreachable = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = new Uri("http://127.0.0.1:1/v1") }))
        {
            failures.Add(await Catch(() => unreachable.SearchMemoryAsync("u", "q")));
        }

        failures.Add(Catch(() => new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey + "\n", BaseUrl = new Uri("http://10.0.0.1/v1") }).Dispose()));

        failures.Should().HaveCount(5);
        foreach (var failure in failures)
        {
            failure.ToString().Should().NotContain(LoopbackServer.ApiKey);
            failure.Message.Should().NotContain(LoopbackServer.ApiKey);
            (failure as MemOSException)?.ServerMessage?.Should().NotContain(LoopbackServer.ApiKey);
        }

        // The echo really carried the key, so the redaction above was exercised.
        echo.Requests.Should().OnlyContain(r => r.Header("Authorization")!.Contains(LoopbackServer.ApiKey));
    }

    [Fact]
    public async Task A_key_configured_with_its_scheme_is_still_redacted_when_echoed_bare()
    {
        await using var echo = await LoopbackServer.StartAsync(context =>
            Respond.Text(context, $$"""{"code":40132,"message":"bad key {{context.Request.Headers.Authorization.ToString()["Token ".Length..]}}"}""", 401));
        using var client = echo.CreateClient(o => o.ApiKey = "Token " + LoopbackServer.ApiKey);

        var act = () => client.SearchMemoryAsync("u", "q");

        var error = (await act.Should().ThrowAsync<MemOSAuthenticationException>()).Which;
        echo.SingleRequest.Header("Authorization").Should().Be("Token " + LoopbackServer.ApiKey);
        error.ToString().Should().NotContain(LoopbackServer.ApiKey);
    }

    [Fact]
    public void Options_and_client_ToString_do_not_show_the_key()
    {
        var options = new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey };
        using var client = new MemOSClient(options);

        options.ToString().Should().NotContain(LoopbackServer.ApiKey);
        client.ToString().Should().NotContain(LoopbackServer.ApiKey);
    }

    private static async Task<Exception> Catch(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The call was expected to fail.");
    }

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The call was expected to fail.");
    }
}
