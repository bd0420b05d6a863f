using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace MemOS.Client.Aspire.Hosting.Tests;

/// <summary>
/// samples/AppHost started by Aspire's orchestrator, as <c>dotnet run</c> starts it: the emulator resource and the
/// chat sample, which gets the emulator's connection string and remembers and answers through it.
/// </summary>
public sealed class AppHostTests
{
    [Fact]
    public async Task The_sample_apphost_runs_the_chat_sample_against_the_emulator_resource()
    {
        // Plain HTTP between the AppHost and its orchestrator, as on a machine without a developer certificate.
        Environment.SetEnvironmentVariable("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(timeout.Token);
        await using var app = await appHost.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceAsync("chat", KnownResourceStates.Running, timeout.Token);

        var connection = await app.GetConnectionStringAsync("memos", timeout.Token);
        connection.Should().MatchRegex(@"^Endpoint=http://(localhost|127\.0\.0\.1):\d+/api/openmem/v1;Key=memos-emulator-key$");

        using var chat = app.CreateHttpClient("chat");
        var about = await chat.GetFromJsonAsync<Dictionary<string, object>>("/api/about", timeout.Token);
        about.Should().ContainKey("backend");
        using var remembered = await chat.PostAsJsonAsync("/api/remember", new { text = "I choose 7 Days Inn.", conversationId = "trip" }, timeout.Token);
        remembered.IsSuccessStatusCode.Should().BeTrue(await remembered.Content.ReadAsStringAsync(timeout.Token));

        // The same client, so the same visitor cookie (set by the first answer): the question is asked as the one who told the fact.
        using var answer = await chat.PostAsJsonAsync("/api/chat", new { question = "Which hotel did I choose?", conversationId = "trip" }, timeout.Token);
        var stream = await answer.Content.ReadAsStringAsync(timeout.Token);

        answer.IsSuccessStatusCode.Should().BeTrue(stream);
        stream.Should().Contain("7 Days Inn");
    }
}
