using MemOS.Client.AI;

namespace MemOS.Client.Agents;

/// <summary>Settings of <see cref="MemOSContextProvider"/>.</summary>
public sealed class MemOSContextProviderOptions : MemOSMemorySettings
{
    /// <summary>
    /// The key of the provider's scope in <c>AgentSession.StateBag</c>. Give each provider its own
    /// when one agent has several. Default <c>MemOSContextProvider</c>.
    /// </summary>
    public string StateKey { get; set; } = nameof(MemOSContextProvider);
}
