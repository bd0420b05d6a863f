using System.Text.Json.Nodes;
using MemOS.Client.Filters;
using MemOS.Client.Memories;
using MemOS.Client.Messages;

namespace MemOS.Client.Tests;

public sealed class MemoryEndpointTests
{
    [Fact]
    public async Task Get_memory_sends_the_documented_body_and_parses_views_and_paging()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("mocks/get_memory.pagination.pyt.json"));
        using var client = server.CreateClient();

        var page = await client.GetMemoryAsync(new GetMemoryRequest { UserId = "memos_user_123" });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/get/memory");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("get_memory.request.json"));
        page.Memories.Should().BeEmpty();
        page.ToolMemories.Single().Id.Should().Be("tool-1");
        page.Profiles.Single().Id.Should().Be("profile-1");
        page.Events.Single().Id.Should().Be("event-1");
        page.Skills.Single().Id.Should().Be("skill-1");
        (page.Total, page.Size, page.Current, page.Pages).Should().Be((21, 10, 2, 3));
    }

    [Fact]
    public async Task Get_memory_items_keep_sources_info_and_profile_properties()
    {
        await using var server = await LoopbackServer.RespondingWith("""
            {"code":0,"message":"ok","data":{
              "memory_detail_list":[{"id":"m1","memory_value":"v","sources":[{"role":"user","content":"hi"}],"info":{"scene":"chat","n":2}}],
              "profile_detail_list":[{"id":"p1","profile_template_id":"tpl","properties":{"Basic Info":{"City":{"value":"Hangzhou","algorithm_updatable":true}}},"created_at":"2026-01-02 03:04:05"}]}}
            """u8.ToArray());
        using var client = server.CreateClient();

        var page = await client.GetMemoryAsync(new GetMemoryRequest { UserId = "u", Size = 50, IncludeMemoryView = [MemoryView.DetailFactual, MemoryView.Profile] });

        var memory = page.Memories.Single();
        memory.Sources!.Single().GetProperty("content").GetString().Should().Be("hi");
        memory.Info!["scene"].Text.Should().Be("chat");
        memory.Info["n"].Number.Should().Be(2);
        var profile = page.Profiles.Single();
        profile.Properties!.Categories["Basic Info"]["City"].Value.Should().Be("Hangzhou");
        profile.CreatedAt!.Value.Value.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)));
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"user_id":"u","size":50,"include_memory_view":["detail_factual","profile"]}"""));
    }

    [Fact]
    public async Task All_memories_walks_three_pages_and_stops_after_the_last()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var body = JsonNode.Parse(LoopbackServer.Body(context))!;
            var number = body["page"]!.GetValue<int>();
            var ids = Enumerable.Range(0, number < 3 ? 2 : 1).Select(i => $"{{\"id\":\"p{number}-{i}\"}}");
            return Respond.Text(context, $$$"""{"code":0,"message":"ok","data":{"memory_detail_list":[{{{string.Join(",", ids)}}}],"total":5,"size":2,"current":{{{number}}},"pages":3}}""");
        });
        using var client = server.CreateClient();

        var pages = await client.GetAllMemoriesAsync(new GetMemoryRequest { UserId = "u", Size = 2 }).ToListAsync();

        pages.SelectMany(p => p.Memories).Select(m => m.Id).Should().Equal("p1-0", "p1-1", "p2-0", "p2-1", "p3-0");
        server.Requests.Select(r => r.BodyJson!["page"]!.GetValue<int>()).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task All_memories_without_counts_does_not_stop_at_a_full_page()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var number = JsonNode.Parse(LoopbackServer.Body(context))!["page"]!.GetValue<int>();
            var count = number switch { 1 or 2 => 2, _ => 0 };
            var ids = Enumerable.Range(0, count).Select(i => $"{{\"id\":\"p{number}-{i}\"}}");
            return Respond.Text(context, $$$"""{"code":0,"message":"ok","data":{"memory_detail_list":[{{{string.Join(",", ids)}}}]}}""");
        });
        using var client = server.CreateClient();

        var pages = await client.GetAllMemoriesAsync(new GetMemoryRequest { UserId = "u", Size = 2 }).ToListAsync();

        pages.SelectMany(p => p.Memories).Should().HaveCount(4);
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Get_memory_by_id_percent_encodes_the_id_and_sends_a_get_without_body()
    {
        await using var server = await LoopbackServer.RespondingWith("""
            {"code":0,"message":"ok","data":{"id":"a/b c","memory_view":"event","title":"Camping","content":"By the lake","message_ids":["m1"],"status":"activated","algorithm_updatable":false,"created_at":"2026-01-01T00:00:00Z","user_id":"u","tags":["trip"],"metadata":{"sources":[]}}}
            """u8.ToArray());
        using var client = server.CreateClient();

        var memory = await client.GetMemoryByIdAsync("a/b c");

        server.SingleRequest.Method.Should().Be("GET");
        server.SingleRequest.Path.Should().Be("/api/openmem/v1/get/memory/a%2Fb%20c");
        server.SingleRequest.Body.Should().BeEmpty();
        memory.MemoryView.Should().Be(MemoryView.Event);
        memory.Content!.Value.GetString().Should().Be("By the lake");
        memory.MessageIds.Should().Equal("m1");
        memory.CreatedAt!.Value.Value.Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        memory.AdditionalProperties.Should().ContainKey("metadata");
    }

    [Fact]
    public async Task Get_memory_by_id_parses_the_minimal_mock()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("mocks/get_memory_by_id.pyt.json"));
        using var client = server.CreateClient();

        var memory = await client.GetMemoryByIdAsync("memory-1");

        memory.Id.Should().Be("memory-1");
        memory.AdditionalProperties!["memory_type"].GetString().Should().Be("LongTermMemory");
    }

    [Fact]
    public async Task Update_memory_sends_the_documented_body()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("update_memory.response.json"));
        using var client = server.CreateClient();

        var result = await client.UpdateMemoryAsync(new UpdateMemoryRequest
        {
            MemoryId = "mem_event_001",
            Title = "Camping at West Lake with Chen Mo",
            Content = "Last Saturday I went camping by West Lake with my friend Chen Mo. The weather was great and we watched the stars together at night.",
        });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/update/memory");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("update_memory.request.json"));
        result.Success.Should().BeTrue();
    }

    [Fact]
    public async Task Delete_memory_sends_the_documented_body()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("delete_memory.response.json"));
        using var client = server.CreateClient();

        var result = await client.DeleteMemoryAsync(new DeleteMemoryRequest { MemoryIds = ["6b23b583-f4c4-4a8f-b345-58d0c48fea04"] });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/delete/memory");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("delete_memory.request.json"));
        result.Success.Should().BeTrue();
    }

    [Fact]
    public async Task A_delete_answered_with_success_false_throws()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"success":false}}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = () => client.DeleteMemoryAsync(new DeleteMemoryRequest { UserId = "u" });

        await act.Should().ThrowAsync<MemOSException>().WithMessage("*success: False*");
    }

    [Fact]
    public async Task Get_message_sends_the_documented_body_and_reads_text_timestamps()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("get_message.response.json"));
        using var client = server.CreateClient();

        var result = await client.GetMessagesAsync(new GetMessageRequest { UserId = "memos_user_123", ConversationId = "0928", MessageLimitNumber = 6 });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/get/message");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("get_message.request.json"));
        result.Messages.Should().HaveCount(4);
        result.Messages[2].Role.Should().Be(MessageRole.User);
        result.Messages[2].Content.Should().Be("I’m bringing my kid. My family always travels together.");
        result.Messages[0].CreateTime!.Value.Raw.Should().Be("2025-06-10 09:30:00");
        result.Messages[0].CreateTime!.Value.Value.Should().Be(new DateTimeOffset(2025, 6, 10, 9, 30, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task Extract_memory_sends_the_documented_body_and_parses_items_without_ids()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("extract_memory.response.json"));
        using var client = server.CreateClient();

        var result = await client.ExtractMemoryAsync(new ExtractMemoryRequest
        {
            Messages =
            [
                MemOSMessage.User("I’ve booked a summer trip to Guangzhou. What chain hotels can you recommend for accommodation?"),
                MemOSMessage.Assistant("You can consider options like 7 Days Inn, All Seasons, Hilton, and others."),
                MemOSMessage.User("I’ll go with 7 Days Inn."),
                MemOSMessage.Assistant("Alright—ask me anytime if you have more questions."),
            ],
            ExtractionTypes = [ExtractionType.Memory, ExtractionType.Preference],
        });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/extract/memory");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("extract_memory.request.json"));
        result.Memories.Single().MemoryType.Should().Be(MemoryType.UserMemory);
        result.Memories.Single().Tags.Should().Equal("person", "job", "hobby");
        result.Preferences.Single().PreferenceType.Should().Be(PreferenceType.Explicit);
    }

    [Fact]
    public async Task A_filter_can_be_given_to_get_and_delete()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("delete_memory.response.json"));
        using var client = server.CreateClient();

        await client.DeleteMemoryAsync(new DeleteMemoryRequest { Filter = MemoryFilter.And(MemoryFilter.Eq("agent_id", "a1")) });

        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"filter":{"and":[{"agent_id":"a1"}]}}"""));
    }
}
