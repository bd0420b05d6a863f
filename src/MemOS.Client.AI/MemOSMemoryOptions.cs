using Microsoft.Extensions.AI;

namespace MemOS.Client.AI;

/// <summary>Settings of <see cref="MemOSMemoryChatClient"/>.</summary>
public sealed class MemOSMemoryOptions : MemOSMemorySettings
{
    /// <summary>
    /// Finds the scope of a call when its <see cref="ChatOptions.AdditionalProperties"/> do not
    /// (ids given there override the resolver's). Return <see langword="null"/> to answer that
    /// call without memory. Without a resolver, a call with no user or agent id throws.
    /// </summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, MemOSMemoryScope?>? ScopeResolver { get; set; }
}
