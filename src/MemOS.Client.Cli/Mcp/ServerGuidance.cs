namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// What the server tells the assistant about using memory: sent as the server's instructions at
/// initialization, and as the <see cref="GuidancePrompt"/> a user can pick in hosts that show prompts.
/// </summary>
internal static class ServerGuidance
{
    public const string Instructions = """
        This server is the user's long-term memory (MemOS). Use it so that what the user told you once is known in later conversations.
        When to search: at the start of a task or conversation, and whenever the answer may depend on the user's preferences, history, plans or facts they told you before, call search_memory with a short query about what you need (memoryLimitNumber bounds the results, 6 by default). get_message reads a past conversation back word for word; get_profile reads the fields MemOS keeps about the user.
        When to add: when the user states a lasting fact or preference about themselves, makes a decision, or corrects something, call add_message with the turn (the user's words, and your answer when it matters). Add each turn once: sending the same messages again stores them twice. To correct a wrong memory, use add_feedback in plain words rather than deleting and re-adding.
        What never to store: passwords, API keys, tokens, private keys or any other credential; payment card, bank or government ID numbers; health, sexual or other sensitive personal data the user did not ask you to remember; other people's personal data; content the user asked you to forget. Leave such text out of add_message (summarize without it) and never put it in a search query.
        Deleting: delete_memory, delete_knowledgebase_file and delete_knowledgebase cannot be undone: call them only when the user asked for it.
        Knowledge bases hold documents the whole project shares: create_knowledgebase, then add_knowledgebase_file by URL; search_memory does not need them for the user's own memories.
        """;

    public const string PromptName = "memory_guide";

    public const string PromptDescription = "How to use the user's MemOS memory in this conversation: when to search, "
        + "when to add, and what never to store.";
}
