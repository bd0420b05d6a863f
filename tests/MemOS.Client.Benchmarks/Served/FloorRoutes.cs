namespace MemOS.Client.Benchmarks.Served;

/// <summary>The absolute URIs the floors post to: they build their requests by hand, as a lean client would.</summary>
internal sealed class FloorRoutes(Uri apiRoot, Uri firstEventRoot)
{
    public Uri Search { get; } = new(apiRoot, "search/memory");

    public Uri Add { get; } = new(apiRoot, "add/message");

    public Uri Chat { get; } = new(apiRoot, "chat");

    /// <summary>The chat route of the root that answers the tiny stream.</summary>
    public Uri FirstEventChat { get; } = new(firstEventRoot, "chat");
}
