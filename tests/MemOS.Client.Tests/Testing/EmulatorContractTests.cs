using System.Text;
using System.Text.Json.Nodes;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests;

/// <summary>
/// The emulator answers in the documented shapes: for each route, every field path of the docs'
/// example answer (fixture) also appears in the emulator's answer to a comparable request.
/// </summary>
public sealed class EmulatorContractTests
{
    public static TheoryData<string, string, string> Routes() => new()
    {
        { "add/message", """{"user_id":"u","conversation_id":"c","messages":[{"role":"user","content":"I like spicy food."}]}""", "add_message.response.json" },
        { "search/memory", """{"user_id":"u","query":"spicy food","relativity":0}""", "search_memory.response.multimodal.json" },
        { "get/message", """{"user_id":"u","conversation_id":"c"}""", "get_message.response.json" },
        { "extract/memory", """{"messages":[{"role":"user","content":"I like spicy food."}]}""", "extract_memory.response.json" },
        { "rerank", """{"query":"spicy","documents":["I like spicy food.","I live in Hangzhou."]}""", "rerank.response.placeholder.json" },
        { "create/knowledgebase", """{"knowledgebase_name":"Policies"}""", "create_knowledgebase.response.json" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_answers_with_every_field_path_of_the_documented_example(string route, string body, string fixture)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var http = new HttpClient();
        await Post(http, emulator, "add/message", """{"user_id":"u","conversation_id":"c","messages":[{"role":"user","content":"I like spicy food."},{"role":"assistant","content":"Noted."}]}""");

        var answer = await Post(http, emulator, route, body);

        var expected = Paths(Fixture.Json(fixture));
        var actual = Paths(answer);
        expected.Except(actual).Should().BeEmpty($"the emulator's {route} answer must carry every field the documented example has");
    }

    [Fact]
    public async Task Status_polls_and_knowledge_base_files_match_their_examples_too()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var http = new HttpClient();
        var added = await Post(http, emulator, "add/message", """{"user_id":"u","messages":[{"role":"user","content":"I like spicy food."}]}""");
        var taskId = added["data"]!["task_id"]!.GetValue<string>();
        var running = await Post(http, emulator, "get/status", $$"""{"task_id":"{{taskId}}"}""");
        var completed = await Post(http, emulator, "get/status", $$"""{"task_id":"{{taskId}}"}""");
        var kb = (await Post(http, emulator, "create/knowledgebase", """{"knowledgebase_name":"Policies"}"""))["data"]!["id"]!.GetValue<string>();
        var file = await Post(http, emulator, "add/knowledgebase-file", $$"""{"knowledgebase_id":"{{kb}}","file":[{"content":"https://cdn.example.com/Software_Procurement_Reimbursement_Policy.pdf"}]}""");

        Paths(Fixture.Json("get_status.response.running.json")).Except(Paths(running)).Should().BeEmpty();
        Paths(Fixture.Json("get_status.response.completed.json")).Except(Paths(completed)).Should().BeEmpty();
        Paths(Fixture.Json("add_knowledgebase_file.response.json")).Except(Paths(file)).Should().BeEmpty();

        // The paging mock's lists hold kinds of memory the emulator never derives; its paging fields must match.
        var page = await Post(http, emulator, "get/memory", """{"user_id":"u"}""");
        Paths(Fixture.Json("mocks/get_memory.pagination.pyt.json")).Where(p => !p.Contains("[]", StringComparison.Ordinal)).Except(Paths(page)).Should().BeEmpty();
    }

    private static async Task<JsonNode> Post(HttpClient http, MemOSEmulator emulator, string route, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUrl + "/" + route)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + emulator.ApiKey);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Every field path, with list items folded to <c>[]</c>; the envelope's message text is not a shape.</summary>
    private static HashSet<string> Paths(JsonNode? node, string prefix = "")
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var path = prefix.Length == 0 ? name : prefix + "." + name;
                    paths.Add(path);
                    paths.UnionWith(Paths(value, path));
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    paths.UnionWith(Paths(item, prefix + "[]"));
                }

                break;
        }

        return paths;
    }
}
