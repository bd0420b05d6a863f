using System.Diagnostics;
using System.Diagnostics.Metrics;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests;

/// <summary>Spans and instruments as the OpenTelemetry GenAI conventions name them, read by the runtime's listeners against the emulator.</summary>
public sealed class GenAIConventionTests
{
    private static readonly double[] SecondsBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    [Fact]
    public async Task Every_histogram_the_SDK_records_carries_the_conventions_seconds_bucket_advice()
    {
        // A call first, so the instruments exist; a listener started afterwards is told of each.
        await using var emulator = await MemOSEmulator.StartAsync();
        using (var client = emulator.CreateClient())
        {
            await client.SearchMemoryAsync("u1", "anything");
        }

        var histograms = new List<Histogram<double>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "MemOS.Client" && instrument is Histogram<double> histogram)
                {
                    histograms.Add(histogram);
                }
            },
        };
        listener.Start();

        histograms.Select(h => h.Name).Should().BeEquivalentTo(
            "memos.client.request.duration", "gen_ai.client.operation.duration", "memos.client.stream.time_to_first_event", "gen_ai.client.operation.time_to_first_chunk");
        histograms.Should().OnlyContain(h => h.Unit == "s");
        foreach (var histogram in histograms)
        {
            histogram.Advice!.HistogramBucketBoundaries.Should().Equal(SecondsBuckets, histogram.Name);
        }
    }

    [Fact]
    public async Task Memory_operations_are_named_by_the_conventions_and_carry_their_conversation_record_and_store_ids()
    {
        using var telemetry = new TelemetryRecorder();
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();

        await client.AddMessageAsync("u1", "conv-7", [MemOSMessage.User("I prefer hotels near the metro.")]);
        var found = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u1", Query = "hotels", ConversationId = "conv-7" });
        var id = found.Memories.Should().ContainSingle().Subject.Id!;
        await client.UpdateMemoryAsync(new UpdateMemoryRequest { MemoryId = id, Content = "I prefer hotels near a metro station." });
        await client.DeleteMemoryAsync(new DeleteMemoryRequest { MemoryIds = [id] });
        var store = await client.CreateKnowledgeBaseAsync(new CreateKnowledgeBaseRequest { KnowledgeBaseName = "handbook" });
        await client.DeleteKnowledgeBaseAsync(store.Id!);

        var spans = telemetry.Activities(emulator.BaseUrl);
        spans.Select(span => span.DisplayName).Should().Equal("upsert_memory", "search_memory", "update_memory", "delete_memory", "create_memory_store", "delete_memory_store");
        spans.Should().OnlyContain(span => span.Kind == ActivityKind.Client
                                           && (string?)span.GetTagItem("gen_ai.provider.name") == "memos"
                                           && (string?)span.GetTagItem("gen_ai.operation.name") == span.DisplayName);
        spans[0].GetTagItem("gen_ai.conversation.id").Should().Be("conv-7");
        spans[1].GetTagItem("gen_ai.conversation.id").Should().Be("conv-7");
        spans[1].GetTagItem("gen_ai.memory.record.count").Should().Be(found.Memories.Count + found.Preferences.Count);
        spans[2].GetTagItem("gen_ai.memory.record.id").Should().Be(id);
        spans[3].GetTagItem("gen_ai.memory.record.id").Should().Be(id);
        spans[3].GetTagItem("gen_ai.memory.record.count").Should().Be(1);
        spans[4].GetTagItem("gen_ai.memory.store.id").Should().Be(store.Id);
        spans[5].GetTagItem("gen_ai.memory.store.id").Should().Be(store.Id);

        // Content is opt-in: by default no span carries the query, the records or the messages.
        spans.SelectMany(span => span.TagObjects).Select(tag => tag.Key).Should()
            .NotContain(["gen_ai.memory.query.text", "gen_ai.memory.records", "gen_ai.input.messages", "gen_ai.output.messages"]);
        telemetry.AllTagValues(emulator.BaseUrl).Should().NotContain(value => value.Contains("metro", StringComparison.Ordinal) || value.Contains(emulator.ApiKey, StringComparison.Ordinal));

        var durations = telemetry.Measurements(emulator.BaseUrl).Where(m => m.Instrument == "gen_ai.client.operation.duration").ToList();
        durations.Select(m => m.Tag("gen_ai.operation.name")).Should().Equal("upsert_memory", "search_memory", "update_memory", "delete_memory", "create_memory_store", "delete_memory_store");
        durations.Should().OnlyContain(m => m.Value > 0 && (string?)m.Tag("gen_ai.provider.name") == "memos");
    }

    [Fact]
    public async Task With_content_capture_on_spans_carry_the_query_the_records_and_the_chat_messages_but_never_the_key()
    {
        using var telemetry = new TelemetryRecorder();
        await using var emulator = await MemOSEmulator.StartAsync();
        var options = emulator.CreateOptions();
        options.CaptureMessageContent = true;
        using var client = new MemOSClient(options);

        await client.AddMessageAsync("u1", "c1", [MemOSMessage.User("I prefer hotels near the metro.")]);
        await client.SearchMemoryAsync("u1", "Which hotels do I prefer?");
        var answer = await client.ChatAsync("u1", "c1", "Which hotels do I prefer?");

        var spans = telemetry.Activities(emulator.BaseUrl);
        ((string?)spans[0].GetTagItem("gen_ai.memory.records")).Should().Contain("\"content\":\"I prefer hotels near the metro.\"");
        spans[1].GetTagItem("gen_ai.memory.query.text").Should().Be("Which hotels do I prefer?");
        ((string?)spans[1].GetTagItem("gen_ai.memory.records")).Should().Contain("metro").And.Contain("\"score\":");
        ((string?)spans[2].GetTagItem("gen_ai.input.messages")).Should().Be("""[{"role":"user","parts":[{"type":"text","content":"Which hotels do I prefer?"}]}]""");
        ((string?)spans[2].GetTagItem("gen_ai.output.messages")).Should().Contain("\"role\":\"assistant\"").And.Contain(System.Text.Json.JsonEncodedText.Encode(answer.Response).ToString());
        telemetry.AllTagValues(emulator.BaseUrl).Should().NotContain(value => value.Contains(emulator.ApiKey, StringComparison.Ordinal));
    }
}

/// <summary>The content opt-in by the conventions' environment variable, in the collection that changes the process environment alone.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class GenAIContentVariableTests
{
    [Theory]
    [InlineData("true", null, true)]
    [InlineData("TRUE", null, true)]
    [InlineData("false", null, false)]
    [InlineData(null, null, false)]
    [InlineData("true", false, false)]
    [InlineData(null, true, true)]
    public async Task The_variable_turns_content_capture_on_unless_the_option_decides(string? variable, bool? option, bool captured)
    {
        using var telemetry = new TelemetryRecorder();
        await using var emulator = await MemOSEmulator.StartAsync();
        MemOSClient client;
        using (ProcessEnvironment.Set(("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", variable)))
        {
            var options = emulator.CreateOptions();
            options.CaptureMessageContent = option;
            client = new MemOSClient(options);
        }

        using (client)
        {
            await client.SearchMemoryAsync("u1", "Where do I live?");
        }

        var span = telemetry.Activities(emulator.BaseUrl).Should().ContainSingle().Subject;
        span.GetTagItem("gen_ai.memory.query.text").Should().Be(captured ? "Where do I live?" : null);
    }
}
