using System.Net.ServerSentEvents;
using BenchmarkDotNet.Attributes;
using MemOS.Client.Streaming;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Parsing the recorded stream from memory, no network. The floor is the framework's SSE parser
/// handing each event's data over as a string; the SDK parser (its own SSE framing) also reads each
/// event's JSON into a typed event; the SDK chat stream adds everything around it (request, response, idle timeout).
/// </summary>
public class StreamParseBenchmarks
{
    private HttpClient _http = null!;
    private MemOSClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The resilience handler in front, as on the SDK's own clients; it lets event streams through unbuffered.
        _http = new HttpClient(new MemOSResilienceHandler(new MemOSRetryOptions()) { InnerHandler = new RecordedStreamHandler() });
        _sdk = Clients.Sdk(_http, new Uri("http://127.0.0.1/api/openmem/v1/"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> FloorSseStrings() => FloorClient.Count(SseParser.Create(new MemoryStream(RecordedStream.Long, writable: false)));

    [Benchmark]
    public async Task<int> SdkParser()
    {
        using var idle = new StreamIdleWatch(Timeout.InfiniteTimeSpan, CancellationToken.None);
        using var events = new SseEventReader(new MemoryStream(RecordedStream.Long, writable: false), idle, 4 * 1024 * 1024);
        var count = 0;
        while (await events.ReadAsync())
        {
            count += ChatStreamEventParser.Parse(events.EventType, events.Data) is null ? 0 : 1;
        }

        return count;
    }

    [Benchmark]
    public Task<int> SdkChatStream() => StreamCount.Of(_sdk);
}
