using MemOS.Client.AI;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Agents;

/// <summary>Settings of <see cref="MemOSContextProvider"/>.</summary>
public sealed class MemOSContextProviderOptions
{
    /// <summary>
    /// The instructions that carry the recalled memories for one run. <c>{memories}</c> is replaced
    /// by the facts and <c>{preferences}</c> by the preferences (each marked as stated by the user or
    /// inferred), one <c>- </c> line each. Nothing is added when nothing is recalled. The default
    /// (<see cref="MemOSMemoryOptions.DefaultTemplate"/>) tells the model that what the user said
    /// outweighs what the assistant inferred earlier.
    /// </summary>
    public string Template { get; set; } = MemOSMemoryOptions.DefaultTemplate;

    /// <summary>At most this many facts to recall, 1 to 25; the service default when null.</summary>
    public int? MemoryLimitNumber { get; set; }

    /// <summary>At most this many preferences to recall, 1 to 25; the service default when null.</summary>
    public int? PreferenceLimitNumber { get; set; }

    /// <summary>Minimum relevance of recalled memories, 0 to 1; the service default (0.45) when null.</summary>
    public double? Relativity { get; set; }

    /// <summary>Whether each successful run (the caller's messages and the agent's answer) is written into MemOS. Default <see langword="true"/>.</summary>
    public bool WriteBack { get; set; } = true;

    /// <summary>
    /// The longest the recall before a run, and the write after it, may each delay the agent; past
    /// it the run goes on without memory (fail open). Default 10 seconds.
    /// </summary>
    public TimeSpan MemoryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The key of the provider's scope in <c>AgentSession.StateBag</c>. Give each provider its own
    /// when one agent has several. Default <c>MemOSContextProvider</c>.
    /// </summary>
    public string StateKey { get; set; } = nameof(MemOSContextProvider);

    /// <summary>Where failed recalls and writes are logged (type, code and trace id; never text or the key). Nowhere when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
