namespace MemOS.Client.Benchmarks;

/// <summary>One call over loopback: the SDK against the floor, each in its own category with the floor as baseline.</summary>
public class CallBenchmarks : CallBenchmarksBase
{
    protected override Uri Root => BenchServer.ApiRoot;

    protected override HttpClient CreateHttpClient() => Clients.Bare();

    // Exactly what users get: the SDK's own HttpClient, resilience handler included.
    protected override MemOSClient CreateSdk() => Clients.Sdk(Root);
}
