using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// The <c>memory_guide</c> prompt: the server's instructions as a message a host can insert at the user's choice.
/// </summary>
internal sealed class GuidancePrompt : McpServerPrompt
{
    public override Prompt ProtocolPrompt { get; } = new()
    {
        Name = ServerGuidance.PromptName,
        Title = "Use MemOS memory",
        Description = ServerGuidance.PromptDescription,
    };

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override ValueTask<GetPromptResult> GetAsync(
        RequestContext<GetPromptRequestParams> request,
        CancellationToken cancellationToken = default)
        => ValueTask.FromResult(new GetPromptResult
        {
            Description = ServerGuidance.PromptDescription,
            Messages = [new PromptMessage
            {
                Role = Role.User,
                Content = new TextContentBlock { Text = ServerGuidance.Instructions },
            }],
        });
}
