using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// The requests the emulator answered, newest last, at most <see cref="Capacity"/> of them so an emulator
/// left running as a dev service keeps a bounded log. Routes note the user and the envelope code on the
/// request's items; nothing here reads the Authorization header.
/// </summary>
internal sealed class EmulatorRequestLog(TimeProvider time, Action<EmulatorRequestEntry>? onRequest)
{
    public const int Capacity = 10_000;

    private const string UserItem = "memos.emulator.user";
    private const string CodeItem = "memos.emulator.code";

    private readonly ConcurrentQueue<EmulatorRequestEntry> _entries = new();

    public IReadOnlyList<EmulatorRequestEntry> Snapshot() => [.. _entries];

    public static void NoteUser(HttpContext context, string? userId) => context.Items[UserItem] = userId;

    public static void NoteCode(HttpContext context, int code) => context.Items[CodeItem] = code;

    public void Record(HttpContext context)
    {
        // An aborted request got no answer the client could read: the emulator dropped it, or the client gave up.
        var status = context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
        var entry = new EmulatorRequestEntry(
            time.GetUtcNow(),
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Items.TryGetValue(UserItem, out var user) ? user as string : null,
            status,
            status != 0 && context.Items.TryGetValue(CodeItem, out var code) ? code as int? : null);
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }

        onRequest?.Invoke(entry);
    }
}
