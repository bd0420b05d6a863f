using MemOS.Client.Messages;
using MemOS.Client.Server;
using MemOS.Client.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.DocSnippets;

/// <summary>
/// What a documentation block may use without declaring it: a block is a fragment of an app that
/// already has these. A block that declares a variable of the same name uses its own (a local
/// hides a field). Add a name here only when the documentation means that very thing.
/// </summary>
#pragma warning disable IDE1006, CA1051 // The names are the documentation's variables, lower case.
internal abstract class SnippetContext
{
    protected string[] args = [];
    protected IMemOSClient client = null!;
    protected IMemOSClient memos = null!;
    protected MemOSServerClient server = null!;
    protected MemOSEmulator emulator = null!;
    protected AddMessageRequest request = null!;
    protected WebApplicationBuilder builder = null!;
    protected IServiceCollection services = null!;
    protected IServiceProvider serviceProvider = null!;
    protected IConfiguration configuration = null!;
    protected ILoggerFactory loggerFactory = null!;
    protected IChatClient openAIChatClient = null!;
    protected IChatClient chatClient = null!;

    protected static string CurrentUser() => "memos_user_123";
}
#pragma warning restore IDE1006, CA1051
