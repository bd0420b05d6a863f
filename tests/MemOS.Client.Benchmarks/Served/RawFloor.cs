using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// Floor (a), the lean raw client: an <see cref="HttpClient"/> over the SDK's handler settings, the
/// request bytes serialized once, the answer parsed into a <see cref="JsonDocument"/> straight from
/// the connection, and streams read with the framework's <see cref="SseParser"/>, each event's
/// data handed over as a string.
/// </summary>
internal sealed class RawFloor(ServedRoots roots) : ServedClient("a", "raw HttpClient + JsonDocument / SseParser strings")
{
    private readonly HttpClient _http = Clients.Bare();
    private readonly FloorRoutes _routes = new(roots);

    public override async Task<long> SearchAsync()
    {
        using var document = await PostAsync(_routes.Search, Bodies.SearchRequestBytes);
        var memories = document.RootElement.GetProperty("data").GetProperty("memory_detail_list").GetArrayLength();
        return memories == ServedAnswers.SearchMemories ? Stopwatch.GetTimestamp() : throw Wrong("memories:", memories, ServedAnswers.SearchMemories);
    }

    public override async Task<long> AddAsync()
    {
        using var document = await PostAsync(_routes.Add, Bodies.AddRequestBytes);
        var taskId = document.RootElement.GetProperty("data").GetProperty("task_id").GetString();
        return taskId == ServedAnswers.AddTaskId ? Stopwatch.GetTimestamp() : throw Wrong("task id", taskId, ServedAnswers.AddTaskId);
    }

    public override async Task<long> StreamAsync(ServedStream stream)
    {
        using var response = await SendAsync(_routes.Chat(stream), Bodies.ChatStreamRequestBytes, "text/event-stream");
        await using var body = await response.Content.ReadAsStreamAsync();
        long events = 0, chars = 0;
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            events++;
            chars += item.Data.Length;
        }

        Check(events, stream.TextEvents + 1, chars, stream.DataChars);
        return Stopwatch.GetTimestamp();
    }

    public override async Task<long> FirstEventAsync()
    {
        using var response = await SendAsync(_routes.Chat(ServedStream.FirstEvent), Bodies.ChatStreamRequestBytes, "text/event-stream");
        await using var stream = await response.Content.ReadAsStreamAsync();
        long events = 0, chars = 0, first = 0;
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            first = events++ == 0 ? Stopwatch.GetTimestamp() : first;
            chars += item.Data.Length;
        }

        Check(events, 2, chars, ServedStream.FirstEvent.DataChars);
        return first;
    }

    public override void Dispose() => _http.Dispose();

    private async Task<JsonDocument> PostAsync(Uri uri, byte[] body)
    {
        using var response = await SendAsync(uri, body, "application/json");
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(stream);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, byte[] body, string accept)
    {
        using var request = FloorClient.Request(uri, body, accept);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.EnsureSuccessStatusCode();
    }

    private void Check(long events, long expectedEvents, long chars, long expectedChars)
    {
        if (events != expectedEvents || chars != expectedChars)
        {
            throw Wrong("events (with the end event) / data characters:", $"{events} / {chars}", $"{expectedEvents} / {expectedChars}");
        }
    }
}
