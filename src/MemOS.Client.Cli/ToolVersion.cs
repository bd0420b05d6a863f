using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace MemOS.Client.Cli;

/// <summary>
/// <c>memos --version</c>: the package version, as <c>dotnet tool list</c> shows it, without the
/// source revision the build appends to the informational version after a <c>+</c>.
/// </summary>
internal sealed class ToolVersion(TextWriter output) : SynchronousCommandLineAction
{
    public static string Value { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "0.0.0").Split('+')[0];

    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(Value);
        return ExitCodes.Success;
    }
}
