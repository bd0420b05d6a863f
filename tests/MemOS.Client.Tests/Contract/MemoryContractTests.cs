using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Ranking;

namespace MemOS.Client.Tests.Contract;

/// <summary>search/memory, get/memory (page and by id), update/memory, delete/memory, extract/memory and rerank on the wire.</summary>
public sealed class MemoryContractTests
{
    [Fact]
    public async Task Search_memory_sends_the_quick_start_request_and_reads_the_memories()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/search/memory", Fixture.Json("search_memory.request.json")), Fixture.Bytes("search_memory.response.multimodal.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.SearchMemoryAsync(new SearchMemoryRequest
        {
            Query = "I want to travel during the National Day holiday. Please recommend a city I have not been to and a hotel brand I have not stayed at.",
            UserId = "memos_user_123",
            ConversationId = "0928",
        }));

        result.Memories.Should().HaveCount(2);
        result.Memories[0].Id.Should().Be("a5136287-de10-4df2-afc5-e412cdb8b649");
        result.Memories[0].MemoryType.Should().Be(MemoryType.WorkingMemory);
        result.Memories[0].Relativity.Should().Be(0.5170716);
        result.Preferences.Should().BeEmpty();
    }

    [Fact]
    public async Task Get_memory_sends_the_documented_request_and_reads_views_and_paging()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/get/memory", Fixture.Json("get_memory.request.json")), Fixture.Bytes("mocks/get_memory.pagination.pyt.json"));
        using var client = server.CreateClient();

        var page = await server.Expect(() => client.GetMemoryAsync(new GetMemoryRequest { UserId = "memos_user_123" }));

        page.ToolMemories.Single().Id.Should().Be("tool-1");
        page.Profiles.Single().Id.Should().Be("profile-1");
        (page.Total, page.Size, page.Current, page.Pages).Should().Be((21, 10, 2, 3));
    }

    [Fact]
    public async Task Get_memory_by_id_is_a_get_of_the_id_under_the_route_without_a_body()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudGet("/get/memory/memory-1"), Fixture.Bytes("mocks/get_memory_by_id.pyt.json"));
        using var client = server.CreateClient();

        var memory = await server.Expect(() => client.GetMemoryByIdAsync("memory-1"));

        server.LogEntries.Single().RequestMessage!.BodyAsBytes.Should().BeNullOrEmpty();
        memory.Id.Should().Be("memory-1");
        memory.AdditionalProperties!["memory_type"].GetString().Should().Be("LongTermMemory");
    }

    [Fact]
    public async Task Update_memory_sends_the_documented_request()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/update/memory", Fixture.Json("update_memory.request.json")), Fixture.Bytes("update_memory.response.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.UpdateMemoryAsync(new UpdateMemoryRequest
        {
            MemoryId = "mem_event_001",
            Title = "Camping at West Lake with Chen Mo",
            Content = "Last Saturday I went camping by West Lake with my friend Chen Mo. The weather was great and we watched the stars together at night.",
        }));

        result.Success.Should().BeTrue();
    }

    [Fact]
    public async Task Delete_memory_sends_the_documented_request()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/delete/memory", Fixture.Json("delete_memory.request.json")), Fixture.Bytes("delete_memory.response.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.DeleteMemoryAsync(new DeleteMemoryRequest { MemoryIds = ["6b23b583-f4c4-4a8f-b345-58d0c48fea04"] }));

        result.Success.Should().BeTrue();
    }

    [Fact]
    public async Task Extract_memory_sends_the_documented_request_and_reads_memories_and_preferences()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/extract/memory", Fixture.Json("extract_memory.request.json")), Fixture.Bytes("extract_memory.response.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.ExtractMemoryAsync(new ExtractMemoryRequest
        {
            Messages =
            [
                MemOSMessage.User("I’ve booked a summer trip to Guangzhou. What chain hotels can you recommend for accommodation?"),
                MemOSMessage.Assistant("You can consider options like 7 Days Inn, All Seasons, Hilton, and others."),
                MemOSMessage.User("I’ll go with 7 Days Inn."),
                MemOSMessage.Assistant("Alright—ask me anytime if you have more questions."),
            ],
            ExtractionTypes = [ExtractionType.Memory, ExtractionType.Preference],
        }));

        result.Memories.Single().MemoryType.Should().Be(MemoryType.UserMemory);
        result.Memories.Single().Tags.Should().Equal("person", "job", "hobby");
        result.Preferences.Single().PreferenceType.Should().Be(PreferenceType.Explicit);
    }

    [Fact]
    public async Task Rerank_sends_the_documented_request_and_reads_the_bare_documented_answer()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/rerank", Fixture.Json("rerank.request.json")), Fixture.Bytes("rerank.response.placeholder.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.RerankAsync(new RerankRequest
        {
            Model = RerankModel.Small,
            Query = "What are the user's hobbies?",
            Documents =
            [
                "User likes playing badminton.",
                "User is a backend developer in Hangzhou.",
                "User prefers concise replies.",
                "User prefers Jiangxiang-flavored baijiu.",
                "User is going on a business trip to Beijing next Wednesday.",
            ],
        }));

        result.Id.Should().Be("<string>");
        result.Results[0].Index.Should().Be(0);
    }
}
