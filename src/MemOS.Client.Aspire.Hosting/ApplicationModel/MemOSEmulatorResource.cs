namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The MemOS emulator as an AppHost resource: <c>memos emulator</c> (the MemOS.Client.Cli dotnet tool) on
/// 127.0.0.1. Services that reference it get <c>ConnectionStrings__{name}</c> as
/// <c>Endpoint=http://127.0.0.1:PORT/api/openmem/v1;Key=memos-emulator-key</c>.
/// </summary>
/// <param name="name">The resource name, which is also the connection string's name.</param>
/// <param name="command">The program that runs the tool: <c>dotnet</c> for a local tool.</param>
/// <param name="workingDirectory">Where it runs; a local tool is found from the tool manifest above it.</param>
public sealed class MemOSEmulatorResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the emulator's HTTP endpoint.</summary>
    public const string EndpointName = "http";

    /// <summary>The key the emulator accepts: the tool's fixed development key, not a secret.</summary>
    public const string ApiKey = "memos-emulator-key";

    /// <summary>The path of the API root under the emulator's address.</summary>
    public const string ApiPath = "/api/openmem/v1";

    private EndpointReference? _endpoint;

    /// <summary>The emulator's HTTP endpoint.</summary>
    public EndpointReference PrimaryEndpoint => _endpoint ??= new(this, EndpointName);

    /// <summary>
    /// The arguments that come before <c>emulator</c>: <c>memos</c> for a local tool run with <c>dotnet</c>
    /// (<c>dotnet memos emulator …</c>); set with <see cref="MemOSEmulatorBuilderExtensions.WithMemosTool"/>.
    /// </summary>
    public IReadOnlyList<string> ToolArguments { get; internal set; } = ["memos"];

    /// <summary>
    /// The rate limits, as <c>memos emulator --rate-limit</c> takes them (<c>20</c>, <c>add/message=5</c>).
    /// </summary>
    public IList<string> RateLimits { get; } = [];

    /// <summary>
    /// The faults, as <c>memos emulator --fault</c> takes them (<c>503:0.1</c>, <c>drop:0.05:add/message</c>).
    /// </summary>
    public IList<string> Faults { get; } = [];

    /// <summary>A file that keeps memories and messages across runs of the AppHost; none when null.</summary>
    public string? StateFile { get; internal set; }

    /// <summary>Whether the emulator prints each request to its log (the dashboard's console logs).</summary>
    public bool LogsRequests { get; internal set; }

    /// <summary><c>Endpoint=&lt;API root&gt;;Key=&lt;key&gt;</c>, the form the MemOS Aspire client reads.</summary>
    public ReferenceExpression ConnectionStringExpression
        => ReferenceExpression.Create(
            $"Endpoint={PrimaryEndpoint.Property(EndpointProperty.Url)}{ApiPath};Key={ApiKey}");
}
