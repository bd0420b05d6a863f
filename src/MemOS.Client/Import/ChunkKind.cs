namespace MemOS.Client.Import;

/// <summary>What the import does with a chunk of messages.</summary>
internal enum ChunkKind
{
    /// <summary>Sends it in one add/message request.</summary>
    Send,

    /// <summary>One message alone breaks the token limit: reported as not applied, never sent.</summary>
    TooLarge,

    /// <summary>
    /// An earlier run left it uncertain and nothing was written after it: settled by reading the conversation back.
    /// </summary>
    Settle,

    /// <summary>
    /// An earlier run left it uncertain and wrote later messages of the conversation after it, so a read-back cannot
    /// place it.
    /// </summary>
    Uncertain,

    /// <summary>
    /// The checkpoint recorded other messages at these positions (the input changed since), or
    /// recorded them without a hash: what it says proves nothing of these messages, so the
    /// conversation is read back and only what is missing is sent.
    /// </summary>
    Replan,
}
