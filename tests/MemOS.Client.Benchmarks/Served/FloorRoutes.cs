namespace MemOS.Client.Benchmarks.Served;

/// <summary>The absolute URIs the floors post to, made once: they build their requests by hand, as a lean client would.</summary>
internal sealed class FloorRoutes(ServedRoots roots)
{
    private readonly Uri _tokenChat = new(roots.Api, "chat");
    private readonly Uri _tinyChat = new(roots.TinyEvents, "chat");
    private readonly Uri _firstEventChat = new(roots.FirstEvent, "chat");

    public Uri Search { get; } = new(roots.Api, "search/memory");

    public Uri Add { get; } = new(roots.Api, "add/message");

    /// <summary>The chat route that answers <paramref name="stream"/>.</summary>
    public Uri Chat(ServedStream stream)
        => stream == ServedStream.TinyEvents ? _tinyChat
            : stream == ServedStream.FirstEvent ? _firstEventChat
            : _tokenChat;
}
