using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Tests;

/// <summary>
/// The emulator as a dev service: a console app that starts it stops on Ctrl+C and SIGTERM; <c>memos emulator</c>
/// with a rate limit, faults, a state file and a request log, run as a shell runs it; and the same features
/// on <see cref="MemOSEmulator"/> in process.
/// </summary>
public sealed class EmulatorDevServiceTests : IDisposable
{
    // The console program of tests/MemOS.Client.EmulatorProcess, built beside this test (same configuration and framework).
    private static readonly string EmulatorProgram = Path.Combine(
        AppContext.BaseDirectory.Replace(Path.Combine("tests", "MemOS.Client.Cli.Tests"), Path.Combine("tests", "MemOS.Client.EmulatorProcess"), StringComparison.Ordinal),
        "MemOS.Client.EmulatorProcess.dll");

    private readonly string _folder = Directory.CreateTempSubdirectory("memos-emulator-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_console_app_that_starts_the_emulator_stops_on_the_signal(string signal)
    {
        using var app = ToolProcess.Program(EmulatorProgram);
        app.Input.Close();
        await app.WaitForOutputAsync("listening http://127.0.0.1:");
        app.Output.Should().Contain("listening", app.Error);

        await app.SignalAsync(signal);

        // ExitAsync gives up (and fails the test) after 90 seconds: before the fix the process never ended.
        var code = await app.ExitAsync();
        code.Should().NotBe(0, "the process was ended by the signal, not by finishing");
        app.Error.Should().NotContain("Exception");
    }

    [Fact]
    public async Task A_busy_port_is_one_line_and_exit_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await ToolProcess.RunAsync("emulator", "--port", port);

        run.ExitCode.Should().Be(1, run.Error);
        run.Error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain($"cannot start the emulator on 127.0.0.1:{port}").And.Contain("--port");
        run.Output.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--rate-limit", "0", "--rate-limit '0' is not N or ROUTE=N")]
    [InlineData("--rate-limit", "add/message=x", "--rate-limit 'add/message=x' is not")]
    [InlineData("--fault", "503", "--fault '503' is not KIND:FRACTION[:ROUTE]")]
    [InlineData("--fault", "explode:0.5", "--fault 'explode:0.5' is not")]
    [InlineData("--fault", "drop:1.5", "--fault 'drop:1.5' is not")]
    public async Task Bad_rate_limits_and_faults_are_usage_errors_naming_the_form(string option, string value, string message)
    {
        var run = await ToolProcess.RunAsync("emulator", "--port", "0", option, value);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(message);
    }

    [Fact]
    public async Task Memos_emulator_rate_limits_injects_faults_and_logs_requests_without_the_key()
    {
        using var emulator = ToolProcess.Start(null, "emulator", "--port", "0", "--api-key", "dev-secret-key", "--rate-limit", "add/message=1", "--fault", "503:1:search/memory", "--log");
        emulator.Input.Close();
        var baseUrl = await BaseUrlAsync(emulator);
        using var http = Http("dev-secret-key");

        // Five at once: one second's window takes one, the rest are answered 40309 with a Retry-After.
        var adds = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => http.PostAsync(baseUrl + "/add/message", Json(new { user_id = "alice", conversation_id = $"c{i}", messages = new[] { new { role = "user", content = "I like green tea." } } }))));
        var codes = await Task.WhenAll(adds.Select(async answer => JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32()));
        codes.Should().Contain(40309);
        adds.Where((_, i) => codes[i] == 40309).Should().OnlyContain(answer => answer.Headers.RetryAfter != null);
        var search = await http.PostAsync(baseUrl + "/search/memory", Json(new { user_id = "bob", query = "tea" }));
        search.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        await emulator.SignalAsync("TERM");
        (await emulator.ExitAsync()).Should().Be(0, emulator.Error);
        emulator.Error.Should().Contain("POST /api/openmem/v1/add/message user=alice 200 code=0")
            .And.Contain("POST /api/openmem/v1/add/message user=- 200 code=40309")
            .And.Contain("POST /api/openmem/v1/search/memory user=- 503 code=503")
            .And.NotContain("dev-secret-key");
    }

    [Fact]
    public async Task Memos_emulator_keeps_memories_and_messages_in_its_state_file_across_restarts()
    {
        var state = Path.Combine(_folder, "state.json");
        using (var first = ToolProcess.Start(null, "emulator", "--port", "0", "--state", state))
        {
            first.Input.Close();
            using var client = Client(await BaseUrlAsync(first));
            await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("I choose 7 Days Inn."), MemOSMessage.Assistant("Noted.")]);
            await first.SignalAsync("INT");
            (await first.ExitAsync()).Should().Be(0, first.Error);
        }

        File.ReadAllText(state).Should().Contain("7 Days Inn").And.NotContain("memos-emulator-key");
        Directory.GetFiles(_folder).Should().ContainSingle("the temporary file is gone once it replaced the state");

        using var second = ToolProcess.Start(null, "emulator", "--port", "0", "--state", state);
        second.Input.Close();
        using (var client = Client(await BaseUrlAsync(second)))
        {
            (await client.SearchMemoryAsync("alice", "Which hotel did I choose?")).Memories.Should().Contain(m => m.MemoryValue != null && m.MemoryValue.Contains("7 Days Inn"));
            (await client.GetMessagesAsync(new GetMessageRequest { UserId = "alice", ConversationId = "trip" })).Messages.Select(m => m.Content).Should().Equal("I choose 7 Days Inn.", "Noted.");
        }

        await second.SignalAsync("TERM");
        (await second.ExitAsync()).Should().Be(0, second.Error);
    }

    [Fact]
    public async Task A_state_file_that_is_not_one_is_one_line_and_exit_1()
    {
        var state = Path.Combine(_folder, "state.json");
        File.WriteAllText(state, "not json");

        var run = await ToolProcess.RunAsync("emulator", "--port", "0", "--state", state);

        run.ExitCode.Should().Be(1, run.Error);
        run.Error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("state.json").And.Contain("cannot be read");
    }

    [Fact]
    public async Task The_request_log_lists_method_path_user_status_and_code_and_never_the_key()
    {
        var seen = new List<EmulatorRequestEntry>();
        await using var emulator = await MemOSEmulator.StartAsync(new MemOSEmulatorOptions { OnRequest = entry => { lock (seen) { seen.Add(entry); } } });
        emulator.InjectFault("search/memory", EmulatorFault.ErrorCode(40309));
        using (var http = Http(emulator.ApiKey))
        {
            await http.PostAsync(emulator.BaseUrl + "/add/message", Json(new { user_id = "alice", conversation_id = "c", messages = new[] { new { role = "user", content = "I like tea." } } }));
            await http.PostAsync(emulator.BaseUrl + "/search/memory", Json(new { user_id = "alice", query = "tea" }));
            await http.PostAsync(emulator.BaseUrl + "/nothing/here", Json(new { }));
        }

        emulator.Requests.Should().Equal(seen);
        emulator.Requests.Select(r => (r.Method, r.Path, r.UserId, r.HttpStatus, r.Code)).Should().Equal(
            ("POST", "/api/openmem/v1/add/message", "alice", 200, 0),
            ("POST", "/api/openmem/v1/search/memory", null, 200, 40309),
            ("POST", "/api/openmem/v1/nothing/here", null, 404, null));
        string.Concat(emulator.Requests.Select(r => r.ToString())).Should().NotContain(emulator.ApiKey);
    }

    [Fact]
    public async Task Random_faults_serve_every_call_at_fraction_1_and_a_dropped_call_is_logged_as_dropped()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectRandomFault("*", EmulatorFault.DropConnection(), 1);
        using var http = Http(emulator.ApiKey);

        var call = () => http.PostAsync(emulator.BaseUrl + "/search/memory", Json(new { user_id = "alice", query = "tea" }));

        await call.Should().ThrowAsync<HttpRequestException>();
        emulator.Requests.Should().ContainSingle().Which.HttpStatus.Should().Be(0);
        emulator.Invoking(e => e.InjectRandomFault("*", EmulatorFault.DropConnection(), 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task A_no_answer_fault_holds_the_call_until_the_client_gives_up()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("search/memory", EmulatorFault.NoAnswer());
        using var http = Http(emulator.ApiKey);
        using var giveUp = new CancellationTokenSource();

        var pending = http.PostAsync(emulator.BaseUrl + "/search/memory", Json(new { user_id = "alice", query = "tea" }), giveUp.Token);
        var answered = await Task.WhenAny(pending, Task.Delay(50));
        answered.Should().NotBeSameAs(pending, "the emulator does not answer");
        await giveUp.CancelAsync();

        await pending.Invoking(p => p).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task The_state_file_round_trips_through_the_emulator_api()
    {
        var state = Path.Combine(_folder, "state.json");
        await using (var first = await MemOSEmulator.StartAsync(new MemOSEmulatorOptions { StateFile = state }))
        {
            using var client = first.CreateClient();
            await client.AddMessageAsync("alice", "c1", [MemOSMessage.User("I like green tea.")]);
            await first.SaveStateAsync();
            File.Exists(state).Should().BeTrue();
        }

        await using var second = await MemOSEmulator.StartAsync(new MemOSEmulatorOptions { StateFile = state });
        using var again = second.CreateClient();
        (await again.SearchMemoryAsync("alice", "green tea")).Memories.Should().ContainSingle().Which.MemoryValue.Should().Be("The user said: I like green tea.");
    }

    private static async Task<string> BaseUrlAsync(ToolProcess emulator)
    {
        await emulator.WaitForErrorAsync("emulator running");
        var line = emulator.Output.Split('\n').SingleOrDefault(l => l.StartsWith("MEMOS_BASE_URL=", StringComparison.Ordinal));
        line.Should().NotBeNull(emulator.Error);
        return line!["MEMOS_BASE_URL=".Length..].TrimEnd('/');
    }

    private static MemOSClient Client(string baseUrl) => new(new MemOSClientOptions { BaseUrl = new Uri(baseUrl), ApiKey = "memos-emulator-key" });

    private static HttpClient Http(string key)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", key);
        return http;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
