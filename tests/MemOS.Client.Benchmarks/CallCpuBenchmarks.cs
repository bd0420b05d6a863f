namespace MemOS.Client.Benchmarks;

/// <summary>
/// The calls of <see cref="CallBenchmarks"/> with the network taken out (<see cref="FixedAnswerHandler"/>):
/// what is left is the client-side CPU time of each, which the loopback's noise hides.
/// </summary>
public class CallCpuBenchmarks : CallBenchmarksBase
{
    protected override Uri Root { get; } = new("http://127.0.0.1/api/openmem/v1/");

    protected override HttpClient CreateHttpClient() => new(new FixedAnswerHandler());

    protected override MemOSClient CreateSdk()
        => Clients.Sdk(Own(new HttpClient(new MemOSResilienceHandler(new MemOSRetryOptions()) { InnerHandler = new FixedAnswerHandler() })), Root);
}
