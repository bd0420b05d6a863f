using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MemOS.Client.Aspire.Hosting.Tests;

/// <summary>The emulator and cloud resources as the AppHost model holds them: connection strings, the command and its arguments.</summary>
public sealed class ResourceModelTests
{
    [Fact]
    public async Task The_emulator_runs_the_memos_tool_with_its_settings_and_names_its_connection_string()
    {
        var builder = DistributedApplication.CreateBuilder();
        var memos = builder.AddMemOSEmulator("memos")
            .WithRateLimit(20)
            .WithRateLimit(5, "/add/message/")
            .WithFault("503", 0.1)
            .WithFault("drop", 0.05, "search/memory")
            .WithStateFile("state.json")
            .WithRequestLog();

        memos.Resource.Command.Should().Be("dotnet");
        memos.Resource.WorkingDirectory.Should().Be(builder.AppHostDirectory);
        var args = await ArgumentsAsync(memos.Resource);
        args.Should().Equal(
            "memos", "emulator", "--port", "{memos.bindings.http.targetPort}",
            "--rate-limit", "20", "--rate-limit", "add/message=5",
            "--fault", "503:0.1", "--fault", "drop:0.05:search/memory",
            "--state", Path.Combine(builder.AppHostDirectory, "state.json"),
            "--log");
        memos.Resource.ConnectionStringExpression.ValueExpression.Should().Be("Endpoint={memos.bindings.http.url}/api/openmem/v1;Key=memos-emulator-key");
    }

    [Fact]
    public async Task Another_tool_command_replaces_dotnet_memos()
    {
        var memos = DistributedApplication.CreateBuilder().AddMemOSEmulator("memos").WithMemosTool("dotnet", "/tools/memos.dll");

        memos.Resource.Command.Should().Be("dotnet");
        (await ArgumentsAsync(memos.Resource)).Take(2).Should().Equal("/tools/memos.dll", "emulator");
    }

    [Theory]
    [InlineData("explode", 0.5)]
    [InlineData("200", 0.5)]
    [InlineData("503", 0)]
    [InlineData("503", 1.5)]
    public void Bad_faults_are_refused_when_declared(string fault, double fraction)
    {
        var memos = DistributedApplication.CreateBuilder().AddMemOSEmulator("memos");

        memos.Invoking(m => m.WithFault(fault, fraction)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task The_cloud_takes_its_key_from_a_secret_parameter()
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:memos-api-key"] = "mpg-secret-value";
        var key = builder.AddParameter("memos-api-key", secret: true);

        var memos = builder.AddMemOSCloud("memos", key);

        memos.Resource.ConnectionStringExpression.ValueExpression.Should().Be("Endpoint=https://memos.memtensor.cn/api/openmem/v1;Key={memos-api-key.value}");
        (await memos.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None)).Should().Be("Endpoint=https://memos.memtensor.cn/api/openmem/v1;Key=mpg-secret-value");
        var global = builder.AddMemOSCloud("memos-global", key, new Uri(MemOSCloudBuilderExtensions.GlobalBaseUrl));
        global.Resource.ConnectionStringExpression.ValueExpression.Should().StartWith("Endpoint=https://api.memt.ai/platform/api/openmem/v1;");
    }

    [Fact]
    public void A_key_parameter_that_is_not_secret_is_refused()
    {
        var builder = DistributedApplication.CreateBuilder();
        var key = builder.AddParameter("memos-api-key");

        builder.Invoking(b => b.AddMemOSCloud("memos", key)).Should().Throw<ArgumentException>().WithMessage("*must be secret*");
    }

    // The arguments as the model declares them; an endpoint's port stays an expression until the app runs.
    private static async Task<IReadOnlyList<string>> ArgumentsAsync(MemOSEmulatorResource resource)
    {
        var args = new List<object>();
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(new CommandLineArgsCallbackContext(args, CancellationToken.None));
        }

        return args.Select(arg => arg switch
        {
            string text => text,
            IManifestExpressionProvider expression => expression.ValueExpression,
            _ => arg.ToString()!,
        }).ToList();
    }
}
