using System.Runtime.CompilerServices;

namespace MemOS.Client.Tests;

/// <summary>Settings for the whole test process, applied before any test runs.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Each test hosts its server (Kestrel) and its client in this one process, and the timing tests
    /// (idle timeouts, heartbeats) need a thread promptly when a timer fires. With the thread pool's
    /// default minimum (one thread per core: two here) a fresh .NET 8 test host was seen to leave work
    /// queued for 0.9 s, longer than the idle timeouts those tests use, while the same test passed in
    /// a plain console app; a higher minimum takes the test host's own pauses out of the measurements.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(completionPorts, 16));
    }
}
