namespace MemOS.Client;

/// <summary>
/// Collects what the service answered to the successful calls made while it is open, on this async
/// flow: their trace ids and HTTP statuses, which a failed call carries on its exception. Existing
/// calls need no change: open a capture around them.
/// </summary>
/// <example>
/// <code>
/// using var capture = MemOSResponseCapture.Start();
/// var found = await client.SearchMemoryAsync("memos_user_123", "Which hotel did I choose?");
/// Console.WriteLine($"trace id: {capture.Last?.TraceId}");
/// </code>
/// </example>
/// <remarks>
/// Captures nest: while a capture started inside another is open, calls are recorded in the inner
/// one only. Calls made on other async flows (another request of a web app) are never seen. A
/// streamed chat is recorded when its answer starts to arrive.
/// </remarks>
public sealed class MemOSResponseCapture : IDisposable
{
    private static readonly AsyncLocal<MemOSResponseCapture?> Current = new();

    private readonly MemOSResponseCapture? _parent;
    private readonly List<MemOSResponseInfo> _responses = [];
    private bool _disposed;

    private MemOSResponseCapture(MemOSResponseCapture? parent) => _parent = parent;

    /// <summary>The answers captured so far, in the order they arrived.</summary>
    public IReadOnlyList<MemOSResponseInfo> Responses
    {
        get
        {
            lock (_responses)
            {
                return _responses.ToArray();
            }
        }
    }

    /// <summary>The answer captured last; null before the first.</summary>
    public MemOSResponseInfo? Last
    {
        get
        {
            lock (_responses)
            {
                return _responses.Count == 0 ? null : _responses[^1];
            }
        }
    }

    /// <summary>
    /// Starts capturing the answers to the calls made on this async flow until the capture is disposed.
    /// </summary>
    /// <returns>The capture; dispose it to stop.</returns>
    public static MemOSResponseCapture Start()
    {
        var capture = new MemOSResponseCapture(Current.Value);
        Current.Value = capture;
        return capture;
    }

    /// <summary>Stops capturing; what was captured stays readable.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (ReferenceEquals(Current.Value, this))
            {
                Current.Value = _parent;
            }
        }
    }

    /// <summary>
    /// Whether a capture is open around the current call; the transport builds nothing to record when none is.
    /// </summary>
    internal static bool IsCapturing => Current.Value is { _disposed: false };

    /// <summary>Records a successful answer in the capture open on this flow, when there is one.</summary>
    internal static void Record(MemOSResponseInfo response)
    {
        if (Current.Value is { _disposed: false } capture)
        {
            lock (capture._responses)
            {
                capture._responses.Add(response);
            }
        }
    }
}
