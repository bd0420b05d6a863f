using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>What the import's reader remembers of a conversation between the lines that hold its messages.</summary>
internal sealed class ConversationState
{
    /// <summary>The conversation index of the next line's first message.</summary>
    public int Next { get; set; }

    /// <summary>
    /// The conversation's last messages so far (at most <see cref="ReadBack.Limit"/>), for reading it back.
    /// </summary>
    public IReadOnlyList<MemOSMessage> Tail { get; set; } = [];

    /// <summary>Completes when the conversation's latest line is done, with whether it may go on.</summary>
    public Task<bool> Previous { get; set; } = Task.FromResult(true);

    /// <summary>
    /// Whether the checkpoint recorded other messages for an earlier part of the conversation than this import holds.
    /// </summary>
    public bool Changed { get; set; }

    /// <summary>
    /// Why the conversation's later lines are not sent (an earlier line of it was invalid); null while they are.
    /// </summary>
    public string? Blocked { get; set; }
}
