using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// Adds the MemOS emulator to an AppHost, and sets its rate limits, faults, state file and request log.
/// </summary>
public static class MemOSEmulatorBuilderExtensions
{
    /// <summary>
    /// Adds the MemOS emulator: <c>dotnet memos emulator</c>, the MemOS.Client.Cli tool installed as a local tool
    /// (<c>dotnet new tool-manifest; dotnet tool install MemOS.Client.Cli --prerelease</c> in the AppHost's folder
    /// or above). Services that call <c>WithReference</c> with it get <c>ConnectionStrings__{name}</c>.
    /// </summary>
    /// <param name="builder">The AppHost's builder.</param>
    /// <param name="name">The resource name, which is also the connection string's name, e.g. <c>memos</c>.</param>
    /// <param name="port">The port services and the dashboard see; a free one when null.</param>
    /// <returns>The emulator resource, for more settings.</returns>
    public static IResourceBuilder<MemOSEmulatorResource> AddMemOSEmulator(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var resource = new MemOSEmulatorResource(name, "dotnet", builder.AppHostDirectory);
        return builder.AddResource(resource)
            .WithHttpEndpoint(port: port, name: MemOSEmulatorResource.EndpointName)
            .WithArgs(context =>
            {
                foreach (var argument in resource.ToolArguments)
                {
                    context.Args.Add(argument);
                }

                // The emulator listens where the endpoint's proxy forwards to.
                context.Args.Add("emulator");
                context.Args.Add("--port");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var limit in resource.RateLimits)
                {
                    context.Args.Add("--rate-limit");
                    context.Args.Add(limit);
                }

                foreach (var fault in resource.Faults)
                {
                    context.Args.Add("--fault");
                    context.Args.Add(fault);
                }

                if (resource.StateFile is { } state)
                {
                    context.Args.Add("--state");
                    context.Args.Add(state);
                }

                if (resource.LogsRequests)
                {
                    context.Args.Add("--log");
                }
            });
    }

    /// <summary>
    /// Runs the emulator with another command than <c>dotnet memos</c>: e.g. <c>WithMemosTool("memos")</c> for a
    /// global tool, or <c>WithMemosTool("dotnet", "path/to/memos.dll")</c> for a build of the tool.
    /// </summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="command">The program to start.</param>
    /// <param name="arguments">Its arguments before <c>emulator</c>.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<MemOSEmulatorResource> WithMemosTool(
        this IResourceBuilder<MemOSEmulatorResource> builder,
        string command,
        params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(arguments);
        builder.Resource.ToolArguments = [.. arguments];
        return builder.WithCommand(command);
    }

    /// <summary>
    /// Answers code 40309 with a <c>Retry-After</c> beyond <paramref name="requestsPerSecond"/>, as the rate-limited
    /// service does: for all routes together, or for one route (e.g. <c>add/message</c>).
    /// </summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="requestsPerSecond">Requests allowed per second, at least 1.</param>
    /// <param name="route">The route without the API root; every route together when null.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<MemOSEmulatorResource> WithRateLimit(
        this IResourceBuilder<MemOSEmulatorResource> builder,
        int requestsPerSecond,
        string? route = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        var perSecond = requestsPerSecond.ToString(CultureInfo.InvariantCulture);
        builder.Resource.RateLimits.Add(route is null ? perSecond : Route(route) + "=" + perSecond);
        return builder;
    }

    /// <summary>
    /// Fails a <paramref name="fraction"/> of calls at random with <paramref name="fault"/>: <c>drop</c> (the
    /// connection
    /// closes without an answer), <c>timeout</c> (no answer until the client gives up), an HTTP status such as
    /// <c>503</c>, or a service error code such as <c>40309</c>.
    /// </summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="fault"><c>drop</c>, <c>timeout</c>, an HTTP status (400 to 599) or a five-digit error code.</param>
    /// <param name="fraction">The share of calls that fail, above 0 and at most 1.</param>
    /// <param name="route">The route without the API root; every route when null.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<MemOSEmulatorResource> WithFault(
        this IResourceBuilder<MemOSEmulatorResource> builder,
        string fault,
        double fraction,
        string? route = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(fault);
        var kind = fault.Trim().ToLowerInvariant();
        var known = kind is "drop" or "timeout"
            || (kind.Length == 3 && int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                && status is >= 400 and <= 599)
            || (kind.Length == 5 && int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (!known)
        {
            throw new ArgumentException(
                $"The fault '{fault}' is none of drop, timeout, an HTTP status (400 to 599) or a five-digit error "
                    + "code.",
                nameof(fault));
        }

        if (!(fraction is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(fraction),
                fraction,
                "The fraction of calls must be above 0 and at most 1.");
        }

        var setting = kind + ":" + fraction.ToString("R", CultureInfo.InvariantCulture);
        builder.Resource.Faults.Add(route is null ? setting : setting + ":" + Route(route));
        return builder;
    }

    /// <summary>
    /// Keeps memories and messages in this JSON file across runs of the AppHost (written when the emulator stops).
    /// </summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="path">The file; a relative path is under the AppHost's folder.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<MemOSEmulatorResource> WithStateFile(
        this IResourceBuilder<MemOSEmulatorResource> builder,
        string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Resource.StateFile = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder;
    }

    /// <summary>
    /// Prints each request (method, path, user, status, code; never the key) to the emulator's console log.
    /// </summary>
    /// <param name="builder">The emulator resource.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<MemOSEmulatorResource> WithRequestLog(
        this IResourceBuilder<MemOSEmulatorResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.LogsRequests = true;
        return builder;
    }

    private static string Route(string route)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        return route.Trim().Trim('/');
    }
}
