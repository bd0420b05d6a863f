using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Chat;
using MemOS.Client.Streaming;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// Floor (b): floor (a)'s requests, with the answer deserialized into the SDK's own result types by
/// a source-generated context (<see cref="FloorJsonContext"/>), and each streamed event parsed into
/// the SDK's typed events by the SDK's own event parser under the framework's <see cref="SseParser"/>.
/// What it leaves out is what the SDK adds around them: validation, retries, timeouts, the idle
/// timer, error mapping and telemetry.
/// </summary>
internal sealed class TypedFloor(ServedRoots roots) : ServedClient("b", "raw HttpClient + the SDK's types (source-generated)")
{
    private static readonly SseItemParser<ChatStreamEvent> ParseEvent = (type, data) => ChatStreamEventParser.Parse(type, data);

    private readonly HttpClient _http = Clients.Bare();
    private readonly FloorRoutes _routes = new(roots);

    public override async Task<long> SearchAsync()
    {
        var result = await PostAsync(_routes.Search, Bodies.SearchRequestBytes, FloorJsonContext.Default.FloorEnvelopeSearchMemoryResult);
        return result.Memories.Count == ServedAnswers.SearchMemories ? Stopwatch.GetTimestamp() : throw Wrong("memories:", result.Memories.Count, ServedAnswers.SearchMemories);
    }

    public override async Task<long> AddAsync()
    {
        var result = await PostAsync(_routes.Add, Bodies.AddRequestBytes, FloorJsonContext.Default.FloorEnvelopeAddMessageResult);
        return result.TaskId == ServedAnswers.AddTaskId ? Stopwatch.GetTimestamp() : throw Wrong("task id", result.TaskId, ServedAnswers.AddTaskId);
    }

    public override async Task<long> StreamAsync(ServedStream stream)
    {
        using var response = await SendAsync(_routes.Chat(stream), Bodies.ChatStreamRequestBytes, "text/event-stream");
        await using var body = await response.Content.ReadAsStreamAsync();
        var text = new TextCount(this);
        await foreach (var item in SseParser.Create(body, ParseEvent).EnumerateAsync())
        {
            text.Add(item.Data);
        }

        text.Check(stream.TextEvents, stream.TextChars);
        return Stopwatch.GetTimestamp();
    }

    public override async Task<long> FirstEventAsync()
    {
        using var response = await SendAsync(_routes.Chat(ServedStream.FirstEvent), Bodies.ChatStreamRequestBytes, "text/event-stream");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var text = new TextCount(this);
        long first = 0;
        await foreach (var item in SseParser.Create(stream, ParseEvent).EnumerateAsync())
        {
            first = first == 0 ? Stopwatch.GetTimestamp() : first;
            text.Add(item.Data);
        }

        text.Check(1, ServedStream.FirstEvent.TextChars);
        return first;
    }

    public override void Dispose() => _http.Dispose();

    private async Task<TData> PostAsync<TData>(Uri uri, byte[] body, JsonTypeInfo<FloorEnvelope<TData>> info)
    {
        using var response = await SendAsync(uri, body, "application/json");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var envelope = await JsonSerializer.DeserializeAsync(stream, info);
        return envelope is { Code: 0 or 200, Data: { } data } ? data : throw Wrong("envelope code", envelope?.Code, 0);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, byte[] body, string accept)
    {
        using var request = FloorClient.Request(uri, body, accept);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.EnsureSuccessStatusCode();
    }
}
