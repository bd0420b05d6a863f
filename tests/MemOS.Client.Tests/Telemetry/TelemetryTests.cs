using System.Diagnostics;
using MemOS.Client.Chat;

namespace MemOS.Client.Tests;

public sealed class TelemetryTests
{
    private const string Query = "What did I say about my secret diary?";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly byte[] Found = """{"code":0,"message":"ok","data":{"memory_detail_list":[]}}"""u8.ToArray();

    [Fact]
    public async Task Each_call_is_one_client_span_with_its_operation_server_code_and_retry_count()
    {
        using var telemetry = new TelemetryRecorder();
        await using var server = await LoopbackServer.RespondingWith(Found);
        using var client = server.CreateClient();

        await client.SearchMemoryAsync("u1", Query);

        var span = telemetry.Activities(server.BaseUrl).Should().ContainSingle().Subject;
        span.Source.Name.Should().Be("MemOS.Client");
        span.Kind.Should().Be(ActivityKind.Client);
        span.DisplayName.Should().Be("search_memory", "the GenAI conventions name a memory span after its operation");
        span.GetTagItem("memos.operation").Should().Be("search/memory");
        span.GetTagItem("server.address").Should().Be("127.0.0.1");
        span.GetTagItem("memos.response.code").Should().Be(0);
        span.GetTagItem("memos.retry_count").Should().Be(0);
        span.Status.Should().Be(ActivityStatusCode.Unset);

        var measurements = telemetry.Measurements(server.BaseUrl);
        measurements.Select(m => m.Instrument).Should().BeEquivalentTo(["memos.client.request.duration", "gen_ai.client.operation.duration"]);
        measurements.Should().OnlyContain(m => (string?)m.Tag("memos.operation") == "search/memory" && (string?)m.Tag("gen_ai.operation.name") == "search_memory" && m.Value > 0);
    }

    [Fact]
    public async Task A_memory_id_in_the_path_never_reaches_span_names_or_metric_tags()
    {
        using var telemetry = new TelemetryRecorder();
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"id":"secret-memory-7"}}"""u8.ToArray());
        using var client = server.CreateClient();

        await client.GetMemoryByIdAsync("secret-memory-7");

        var span = telemetry.Activities(server.BaseUrl).Should().ContainSingle().Subject;
        span.DisplayName.Should().Be("get/memory/{id}");
        span.GetTagItem("memos.operation").Should().Be("get/memory/{id}");
        telemetry.Measurements(server.BaseUrl).Should().OnlyContain(m => (string?)m.Tag("memos.operation") == "get/memory/{id}");
    }

    [Fact]
    public async Task A_rate_limited_attempt_is_counted_and_its_retry_is_on_the_span()
    {
        var attempts = 0;
        using var telemetry = new TelemetryRecorder();
        await using var server = await LoopbackServer.StartAsync(context => Interlocked.Increment(ref attempts) == 1
            ? Respond.Text(context, """{"code":40309,"message":"Too many requests"}""")
            : Respond.Bytes(context, Found));
        using var client = server.CreateClient();

        await client.SearchMemoryAsync("u1", Query);

        var span = telemetry.Activities(server.BaseUrl).Should().ContainSingle().Subject;
        span.GetTagItem("memos.retry_count").Should().Be(1);
        span.GetTagItem("memos.response.code").Should().Be(0);
        var measurements = telemetry.Measurements(server.BaseUrl);
        measurements.Where(m => m.Instrument == "memos.client.retries").Sum(m => m.Value).Should().Be(1);
        measurements.Where(m => m.Instrument == "memos.client.rate_limits").Sum(m => m.Value).Should().Be(1);
        measurements.Should().ContainSingle(m => m.Instrument == "memos.client.request.duration");
    }

    [Fact]
    public async Task A_failed_call_marks_the_span_with_its_error_type_and_code()
    {
        using var telemetry = new TelemetryRecorder();
        await using var server = await LoopbackServer.RespondingWith("""{"code":40132,"message":"API key is invalid or expired"}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = () => client.SearchMemoryAsync("u1", Query);

        await act.Should().ThrowAsync<MemOSAuthenticationException>();
        var span = telemetry.Activities(server.BaseUrl).Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be(typeof(MemOSAuthenticationException).FullName);
        span.GetTagItem("memos.response.code").Should().Be(40132);
        var durations = telemetry.Measurements(server.BaseUrl);
        durations.Select(m => m.Instrument).Should().BeEquivalentTo(["memos.client.request.duration", "gen_ai.client.operation.duration"]);
        durations.Should().OnlyContain(m => (string?)m.Tag("error.type") == typeof(MemOSAuthenticationException).FullName);
    }

    [Fact]
    public async Task A_chat_span_carries_the_gen_ai_names()
    {
        using var telemetry = new TelemetryRecorder();
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"response":"Nothing yet."}}"""u8.ToArray());
        using var client = server.CreateClient();

        await client.ChatAsync(new ChatRequest { UserId = "u1", Query = Query, ModelName = ChatModel.DeepSeekR1 });

        var span = telemetry.Activities(server.BaseUrl).Should().ContainSingle().Subject;
        span.DisplayName.Should().Be("chat deepseek-r1");
        span.GetTagItem("gen_ai.operation.name").Should().Be("chat");
        span.GetTagItem("gen_ai.request.model").Should().Be("deepseek-r1");
        span.GetTagItem("memos.operation").Should().Be("chat");
    }

    [Fact]
    public async Task A_stream_span_ends_with_the_stream_and_time_to_first_event_is_measured()
    {
        using var telemetry = new TelemetryRecorder();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"Nothing"}""");
            await release.Task.WaitAsync(Bound);
            await Respond.Event(context, """{"type":"text","data":" yet."}""");
            await Respond.Event(context, """{"type":"end"}""");
        });
        using var client = server.CreateClient();

        await using (var events = client.ChatStreamAsync(new ChatRequest { UserId = "u1", Query = Query }).GetAsyncEnumerator())
        {
            (await events.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().BeTrue();
            telemetry.Activities(server.BaseUrl).Should().BeEmpty("the span lasts as long as the stream");
            telemetry.Measurements(server.BaseUrl).Select(m => m.Instrument).Should().BeEquivalentTo(["memos.client.stream.time_to_first_event", "gen_ai.client.operation.time_to_first_chunk"]);

            release.SetResult();
            while (await events.MoveNextAsync().AsTask().WaitAsync(Bound))
            {
            }
        }

        var span = telemetry.Activities(server.BaseUrl).Should().ContainSingle().Subject;
        span.DisplayName.Should().Be("chat");
        span.GetTagItem("gen_ai.operation.name").Should().Be("chat");
        span.GetTagItem("gen_ai.request.model").Should().BeNull();
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("gen_ai.response.time_to_first_chunk").Should().BeOfType<double>().Which.Should().BePositive();
        telemetry.Measurements(server.BaseUrl).Select(m => m.Instrument).Should().BeEquivalentTo(
            ["memos.client.stream.time_to_first_event", "gen_ai.client.operation.time_to_first_chunk", "memos.client.request.duration", "gen_ai.client.operation.duration"]);
    }

    [Fact]
    public async Task The_http_work_is_a_child_of_the_memos_span()
    {
        using var telemetry = new TelemetryRecorder();
        using var http = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        var children = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        http.ActivityStopped = children.Enqueue;
        ActivitySource.AddActivityListener(http);
        await using var server = await LoopbackServer.RespondingWith(Found);
        using var client = server.CreateClient();

        await client.SearchMemoryAsync("u1", Query);

        var span = telemetry.Activities(server.BaseUrl).Should().ContainSingle().Subject;
        children.Should().Contain(child => child.ParentSpanId == span.SpanId);
    }

    [Fact]
    public async Task No_tag_carries_the_key_or_any_request_text()
    {
        using var telemetry = new TelemetryRecorder();
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value!.EndsWith("/chat", StringComparison.Ordinal)
            ? Respond.Text(context, """{"code":40309,"message":"Too many requests for secret diary"}""", 429)
            : Respond.Bytes(context, Found));
        using var client = server.CreateClient(options => options.Retry = new MemOSRetryOptions { MaxRetries = 1, AttemptTimeout = Timeout.InfiniteTimeSpan });

        await client.SearchMemoryAsync("u1", Query);
        await client.AddMessageAsync("u1", "c1", [Messages.MemOSMessage.User(Query)]);
        await FluentActions.Awaiting(() => client.ChatAsync("u1", "c1", Query)).Should().ThrowAsync<MemOSRateLimitException>();

        var values = telemetry.AllTagValues(server.BaseUrl).ToList();
        values.Should().NotBeEmpty();
        values.Should().NotContain(value => value.Contains(LoopbackServer.ApiKey, StringComparison.Ordinal)
                                            || value.Contains("diary", StringComparison.OrdinalIgnoreCase)
                                            || value.Contains("u1", StringComparison.Ordinal));
        telemetry.Measurements(server.BaseUrl).Where(m => m.Instrument == "memos.client.rate_limits").Sum(m => m.Value).Should().Be(2);
    }
}
