using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using MemOS.Client.Api;
using MemOS.Client.Chat;
using MemOS.Client.Errors;
using MemOS.Client.Feedback;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Profiles;
using MemOS.Client.Ranking;
using MemOS.Client.Server;

namespace MemOS.Client.Tests.Api;

/// <summary>
/// Every public method of <see cref="IMemOSClient"/> and <see cref="IMemOSServerClient"/>, paired with its row by
/// what it calls: each is called through the real client against a loopback server, and the route facts its request
/// carried (read by a handler in the client's pipeline) must be the facts of the row whose Refit method matches the
/// verb, path and stream request that reached the server. Every row is reached by some method, and every method of
/// the interfaces is in the table.
/// </summary>
public sealed class RoutePairingTests
{
    // Each answer is a success with empty data: enough for every call to be sent, and what the methods make of it is
    // the contract tests' concern.
    private const string EmptySuccess = """{"code":0,"message":"ok","data":{}}""";

    [Fact]
    public Task Each_cloud_method_sends_the_route_of_the_row_it_carries_and_every_row_is_reached()
        => PairsEachMethodWithItsRowAsync(
            CloudMethods(),
            CallRow.Cloud,
            server => server.BaseUrl,
            (http, baseUrl) => new MemOSClient(http, new() { ApiKey = LoopbackServer.ApiKey, BaseUrl = baseUrl }));

    [Fact]
    public Task Each_server_method_sends_the_route_of_the_row_it_carries_and_every_row_is_reached()
        => PairsEachMethodWithItsRowAsync(
            ServerMethods(),
            CallRow.Server,
            server => server.ServerRoot(),
            (http, baseUrl) => new MemOSServerClient(
                http, new() { ApiKey = LoopbackServer.ApiKey, BaseUrl = baseUrl }));

    private static Table<IMemOSClient> CloudMethods()
    {
        var none = CancellationToken.None;
        var table = new Table<IMemOSClient>();
        var user = new AddMessageRequest { UserId = "u", Messages = [MemOSMessage.User("hi")] };
        var extract = new ExtractMemoryRequest { Messages = [MemOSMessage.User("hi")] };
        var addFile = new AddKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = "kb", Files = [KnowledgeBaseFileInput.FromUrl("https://example.com/a.md")],
        };
        var uploads = new[] { KnowledgeBaseUpload.FromStream("a.md", new MemoryStream("notes"u8.ToArray())) };
        var metadata = new ProfileMetadata().Set("Basic", "City", new ProfileFieldValue { Value = "Paris" });
        var binding = new BindProfileTemplateRequest
        {
            BindList = [new ProfileBinding { UserId = "u", ProfileTemplateId = "t" }],
        };
        var deleteFile = new DeleteKnowledgeBaseFileRequest { FileIds = ["f"] };
        var deleteMemory = new DeleteMemoryRequest { MemoryIds = ["m"] };
        var rerank = new RerankRequest { Query = "q", Documents = ["d"] };
        var chat = new ChatRequest { UserId = "u", Query = "q" };
        var knowledgeBase = new CreateKnowledgeBaseRequest { KnowledgeBaseName = "k" };
        var getFile = new GetKnowledgeBaseFileRequest { KnowledgeBaseId = "kb" };
        var deleteProfile = new DeleteProfileRequest { UserId = "u", ProfileTemplateId = "t" };
        var template = new AddProfileTemplateRequest { Name = "n", Metadata = metadata };
        var feedback = new AddFeedbackRequest { UserId = "u", FeedbackContent = "f" };
        var messages = new GetMessageRequest { UserId = "u", ConversationId = "c" };

        table.Call(c => c.AddMessageAsync(user, none));
        table.Call(c => c.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q" }, none));
        table.Call(c => c.ChatAsync(chat, none));
        table.Stream(c => c.ChatStreamAsync(chat, none));
        table.Call(c => c.GetMemoryAsync(new GetMemoryRequest { UserId = "u" }, none));
        table.Stream(c => c.GetAllMemoriesAsync(new GetMemoryRequest { UserId = "u" }, none));
        table.Call(c => c.GetMemoryByIdAsync("m", none));
        table.Call(c => c.UpdateMemoryAsync(new UpdateMemoryRequest { MemoryId = "m", Title = "t" }, none));
        table.Call(c => c.DeleteMemoryAsync(deleteMemory, none));
        table.Call(c => c.GetMessagesAsync(messages, none));
        table.Call(c => c.AddFeedbackAsync(feedback, none));
        table.Call(c => c.GetTaskStatusAsync("task", none));
        table.Call(c => c.ExtractMemoryAsync(extract, none));
        table.Call(c => c.RerankAsync(rerank, none));
        table.Call(c => c.CreateKnowledgeBaseAsync(knowledgeBase, none));
        table.Call(c => c.DeleteKnowledgeBaseAsync("kb", none));
        table.Call(c => c.AddKnowledgeBaseFileAsync(addFile, none));
        table.Call(c => c.UploadKnowledgeBaseFilesAsync("kb", uploads, null, none));
        table.Call(c => c.GetKnowledgeBaseFileAsync(getFile, none));
        table.Stream(c => c.GetAllKnowledgeBaseFilesAsync("kb", null, null, none));
        table.Call(c => c.DeleteKnowledgeBaseFileAsync(deleteFile, none));
        table.Call(c => c.BindProfileTemplateAsync(binding, none));
        table.Call(c => c.EditProfileAsync(
            new EditProfileRequest { UserId = "u", ProfileTemplateId = "t", Metadata = metadata }, none));
        table.Call(c => c.DeleteProfileAsync(deleteProfile, none));
        table.Call(c => c.AddProfileTemplateAsync(template, none));
        table.Call(c => c.ListProfileTemplatesAsync(null, none));
        table.Call(c => c.GetProfileTemplateAsync("t", none));
        table.Call(c => c.UpdateProfileTemplateAsync(
            new UpdateProfileTemplateRequest { ProfileTemplateId = "t", Name = "n", Metadata = metadata }, none));
        table.Call(c => c.DeleteProfileTemplateAsync("t", none));
        return table;
    }

    private static Table<IMemOSServerClient> ServerMethods()
    {
        var none = CancellationToken.None;
        var table = new Table<IMemOSServerClient>();
        var chat = new ServerChatRequest { UserId = "u", Query = "q" };
        var add = new ServerAddMemoryRequest { UserId = "u", Messages = [ServerMessage.User("hi")] };
        var delete = new ServerDeleteMemoryRequest { MemoryIds = ["m"] };
        var feedback = new ServerFeedbackRequest { UserId = "u", FeedbackContent = "f", History = [] };
        var search = new ServerSearchMemoryRequest { UserId = "u", Query = "q" };

        table.Stream(c => c.ChatStreamAsync(chat, none));
        table.Call(c => c.ChatCompleteAsync(chat, none));
        table.Call(c => c.AddMemoryAsync(add, none));
        table.Call(c => c.SearchMemoryAsync(search, none));
        table.Call(c => c.GetMemoryAsync(new ServerGetMemoryRequest { MemCubeId = "cube" }, none));
        table.Call(c => c.GetMemoryByIdAsync("m", none));
        table.Call(c => c.DeleteMemoryAsync(delete, none));
        table.Call(c => c.AddFeedbackAsync(feedback, none));
        return table;
    }

    /// <summary>
    /// Calls each method through a client whose requests pass a handler that reads the route facts they carry, and
    /// finds the row each sent through; checks that the table covers the interface's methods and reaches every row.
    /// </summary>
    private static async Task PairsEachMethodWithItsRowAsync<TClient, TImplementation>(
        Table<TClient> invocations,
        IReadOnlyList<CallRow> rows,
        Func<LoopbackServer, Uri> baseUrlOf,
        Func<HttpClient, Uri, TImplementation> create)
        where TImplementation : TClient, IDisposable
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, EmptySuccess));
        var carried = new ConcurrentQueue<RouteFacts?>();
        using var http = new HttpClient(new CarriedRoute(carried));
        var baseUrl = baseUrlOf(server);
        using var client = create(http, baseUrl);
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var refitApi = rows[0].RefitMethod.DeclaringType!;
        var called = new List<MethodInfo>();
        var reached = new List<CallRow>();
        foreach (var invocation in invocations)
        {
            var name = invocation.Method.Name;
            var before = server.Requests.Count;
            carried.Clear();
            try
            {
                await invocation.Run(client);
            }
            catch (MemOSException)
            {
                // A typed refusal of the empty data still shows what was sent; reading answers is not tested here.
            }

            var sent = server.Requests.Skip(before).ToArray();
            sent.Should().NotBeEmpty($"{name} sends a request");
            var facts = carried.Distinct().Should().ContainSingle($"{name}'s requests carry one route").Subject;
            facts.Should().NotBeNull($"{name}'s request carries its route's facts");
            var refitMethod = sent.Select(request => RefitMethodFor(refitApi, request, basePath)).Distinct()
                .Should().ContainSingle($"{name} sends to one route").Subject;

            refitMethod.GetCustomAttribute<Refit.HttpMethodAttribute>()!.Path
                .Should().Be(facts!.Path, $"{name} carried the facts of the route it sent to");
            var row = rows.SingleOrDefault(row => ReferenceEquals(row.Facts, facts) && row.RefitMethod == refitMethod);
            row.Should().NotBeNull(
                $"{name} carried the facts of {facts.Path} and sent {refitMethod.Name}: they must be one row's");
            reached.Add(row!);
            called.Add(invocation.Method);
        }

        called.Should().BeEquivalentTo(typeof(TClient).GetMethods(), "every method of the interface is in the table");
        reached.Distinct().Should().BeEquivalentTo(rows, "every row is sent by some public method");
    }

    /// <summary>The one method of the Refit interface whose verb, path and stream request match what arrived.</summary>
    private static MethodInfo RefitMethodFor(Type api, RecordedRequest request, string basePath)
    {
        var path = request.Path.Split('?')[0];
        path.Should().StartWith(basePath);
        path = path[basePath.Length..];
        var asksForEvents = request.Header("Accept")?.Contains("text/event-stream") == true;
        var multipart = request.Header("Content-Type")?.StartsWith("multipart/", StringComparison.Ordinal) == true;
        return api.GetMethods().Should()
            .ContainSingle(method => Matches(method, request.Method, path, asksForEvents, multipart),
                $"one method of {api.Name} sends {request.Method} {path}").Subject;
    }

    private static bool Matches(MethodInfo method, string verb, string path, bool asksForEvents, bool multipart)
    {
        var route = method.GetCustomAttribute<Refit.HttpMethodAttribute>()!;
        var template = "^" + Regex.Replace(Regex.Escape(route.Path), @"\\\{[^}]+}", "[^/]+") + "$";
        var streams = method.GetCustomAttribute<Refit.HeadersAttribute>()?.Headers
            .Any(header => header.Contains("text/event-stream")) == true;
        return route.Method.Method == verb
               && Regex.IsMatch(path, template)
               && streams == asksForEvents
               && method.IsDefined(typeof(Refit.MultipartAttribute)) == multipart;
    }

    private sealed record Invocation<TClient>(MethodInfo Method, Func<TClient, Task> Run);

    /// <summary>Methods of a client interface, each with a call of it: the method is the one the call calls.</summary>
    private sealed class Table<TClient> : List<Invocation<TClient>>
    {
        public void Call(Expression<Func<TClient, Task>> call)
        {
            var run = call.Compile();
            Add(new(((MethodCallExpression)call.Body).Method, client => run(client)));
        }

        public void Stream<TItem>(Expression<Func<TClient, IAsyncEnumerable<TItem>>> call)
        {
            var run = call.Compile();
            Add(new(((MethodCallExpression)call.Body).Method, async client =>
            {
                await foreach (var _ in run(client))
                {
                }
            }));
        }
    }

    /// <summary>Reads the route facts each request carries as it leaves the client, then sends it on.</summary>
    private sealed class CarriedRoute(ConcurrentQueue<RouteFacts?> carried)
        : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            carried.Enqueue(MemOSCall.Of(request)?.Route);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
