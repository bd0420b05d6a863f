using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Cli.Tests;

/// <summary>An import that cannot succeed stops at once and says why, as a user running the tool sees it.</summary>
public sealed class FailFastProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("memos-failfast-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string History(int conversations)
    {
        var path = Path.Combine(_folder, "history.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, conversations).Select(i => $$"""{"user_id":"alice","conversation_id":"c{{i}}","messages":[{"role":"user","content":"I like tea number {{i}}."}]}"""));
        return path;
    }

    [Fact]
    public async Task A_refused_key_stops_the_import_after_the_first_requests_with_the_fix()
    {
        var requests = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"code":40100,"message":"API key is invalid or expired","data":null}""");
        });
        await app.StartAsync();
        var file = History(200);

        var run = await ToolProcess.RunAsync((IReadOnlyDictionary<string, string>?)null, null, "import", file, "--api-key", "wrong-key", "--base-url", app.Urls.First() + "/api/openmem/v1");

        run.ExitCode.Should().Be(1, run.Output);
        run.Error.Should().Contain("import stopped at the first refusal").And.Contain("API key").And.NotContain("wrong-key");
        requests.Should().BeLessThanOrEqualTo(8, "the import stops once the key is refused, instead of sending all 200 requests");
    }

    [Fact]
    public async Task An_unreachable_service_is_named_by_host_and_port_and_what_was_not_sent_is_reported_not_applied()
    {
        var file = History(40);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await ToolProcess.RunAsync((IReadOnlyDictionary<string, string>?)null, null, "import", file, "--api-key", "k", "--base-url", $"http://127.0.0.1:{port}/api/openmem/v1");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"cannot reach 127.0.0.1:{port}").And.Contain("0 messages written; every other message is not applied").And.NotContain("may have been applied");
    }
}
