using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace MemOS.Client.Tests;

/// <summary>
/// The suite runs once per target framework; this proves each run is on its own runtime, so the
/// net8.0 build is really exercised by .NET 8 rather than rolled forward to a newer one.
/// </summary>
public sealed class RuntimeTests(ITestOutputHelper output)
{
    [Fact]
    public void The_tests_run_on_the_runtime_of_the_framework_they_were_built_for()
    {
        output.WriteLine($"Running on {RuntimeInformation.FrameworkDescription}.");
#if NET10_0
        Environment.Version.Major.Should().Be(10);
#elif NET8_0
        Environment.Version.Major.Should().Be(8);
#else
#error Add the expected runtime of the new target framework here.
#endif
    }
}
