// A minimal web chat with memory: POST /remember writes a message into MemOS, GET /chat streams
// the answer to the browser as server-sent events. Without MEMOS_API_KEY it uses the local emulator.
using MemOS.Client;
using MemOS.Client.Chat;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

var builder = WebApplication.CreateBuilder(args);

await using var emulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MEMOS_API_KEY")) && string.IsNullOrWhiteSpace(builder.Configuration["MemOS:ApiKey"])
    ? await MemOSEmulator.StartAsync()
    : null;
if (emulator is not null)
{
    Console.WriteLine($"MEMOS_API_KEY is not set: using the local MemOS emulator at {emulator.BaseUrl}.");
    builder.Configuration["MemOS:ApiKey"] = emulator.ApiKey;
    builder.Configuration["MemOS:BaseUrl"] = emulator.BaseUrl.ToString();
}

builder.Services.AddMemOSClient(builder.Configuration.GetSection("MemOS"));
var app = builder.Build();

app.MapGet("/", () => Results.Content(Page.Html, "text/html"));

app.MapPost("/remember", async (RememberRequest request, IMemOSClient memos, CancellationToken cancellationToken) =>
{
    var result = await memos.AddMessageAsync(request.UserId, request.ConversationId, [MemOSMessage.User(request.Text)], cancellationToken);
    return Results.Ok(new { result.TaskId });
});

app.MapGet("/chat", (string userId, string conversationId, string query, IMemOSClient memos, CancellationToken cancellationToken) =>
    TypedResults.ServerSentEvents(AnswerText(memos.ChatStreamAsync(userId, conversationId, query, cancellationToken)), eventType: "text"));

await app.RunAsync();

// Only answer text goes to the browser; the end of the answer closes the event stream.
static async IAsyncEnumerable<string> AnswerText(IAsyncEnumerable<ChatStreamEvent> events)
{
    await foreach (var update in events)
    {
        if (update is ChatTextDelta delta)
        {
            yield return delta.Text;
        }
    }
}

internal sealed record RememberRequest(string UserId, string ConversationId, string Text);
