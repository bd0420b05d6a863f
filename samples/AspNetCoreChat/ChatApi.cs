using MemOS.Client;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>The page's API. Questions and facts travel in POST bodies, never in URLs (which end up in access logs).</summary>
internal static class ChatApi
{
    public static void MapChatApi(this WebApplication app, string backend)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/about", () => new About(backend, Input.MaxLength));
        api.MapPost("/chat", AskAsync);
        api.MapPost("/remember", RememberAsync);
        api.MapPost("/forget", ForgetAsync);
    }

    // Recalls the memories for the question (for the page's panel), then streams the answer. The
    // token is HttpContext.RequestAborted: when the page stops or replaces the question, the MemOS
    // stream is closed too.
    private static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> AskAsync(
        AskRequest request, HttpContext context, IMemOSClient memos, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if ((Input.Problem(request.Question, "question") ?? Input.ConversationProblem(request.ConversationId)) is { } problem)
        {
            return Input.BadRequest(problem);
        }

        var userId = Visitor.UserId(context);
        var question = request.Question!.Trim();
        var recalled = await memos.SearchMemoryAsync(userId, question, cancellationToken);
        var answer = memos.ChatStreamAsync(userId, request.ConversationId!, question, cancellationToken);
        return TypedResults.ServerSentEvents(AnswerStream.Events(RecalledMemory.From(recalled), answer, loggers.CreateLogger("AspNetCoreChat.Answers"), cancellationToken));
    }

    private static async Task<Results<Ok<Remembered>, ProblemHttpResult>> RememberAsync(
        RememberRequest request, HttpContext context, IMemOSClient memos, CancellationToken cancellationToken)
    {
        if ((Input.Problem(request.Text, "fact") ?? Input.ConversationProblem(request.ConversationId)) is { } problem)
        {
            return Input.BadRequest(problem);
        }

        var result = await memos.AddMessageAsync(Visitor.UserId(context), request.ConversationId!, [MemOSMessage.User(request.Text!.Trim())], cancellationToken);
        return TypedResults.Ok(new Remembered(result.TaskId, result.Status?.ToString()));
    }

    private static async Task<Ok<Forgotten>> ForgetAsync(HttpContext context, IMemOSClient memos, CancellationToken cancellationToken)
    {
        try
        {
            await memos.DeleteMemoryAsync(new DeleteMemoryRequest { UserId = Visitor.UserId(context) }, cancellationToken);
            return TypedResults.Ok(new Forgotten("Forgotten: every memory MemOS kept about you is deleted."));
        }
        catch (MemOSNotFoundException error) when (error.Code == MemOSErrorCodes.UserNotFound)
        {
            // MemOS answers "user not found" for a user with no memories: there was nothing to delete.
            return TypedResults.Ok(new Forgotten("Nothing to forget: MemOS kept no memories about you."));
        }
    }

    private sealed record About(string Backend, int MaxLength);

    private sealed record Remembered(string? TaskId, string? Status);

    private sealed record Forgotten(string Message);
}
