using MemOS.Client.Filters;
using MemOS.Client.Memories;

namespace MemOS.Client.Tests;

public sealed class SearchMemoryTests
{
    public static TheoryData<string, SearchMemoryRequest> DocumentedRequests() => new()
    {
        {
            "search_memory.request.json", new SearchMemoryRequest
            {
                Query = "I want to travel during the National Day holiday. Please recommend a city I have not been to and a hotel brand I have not stayed at.",
                UserId = "memos_user_123",
                ConversationId = "0928",
            }
        },
        {
            "search_memory.request.global_filter.json", new SearchMemoryRequest
            {
                UserId = "memos_user_123",
                Query = "Summarize my reading-related points this year.",
                Filter = MemoryFilter.And(
                    MemoryFilter.Contains("tags", "reading"),
                    MemoryFilter.Gte("create_time", new DateOnly(2025, 1, 1)),
                    MemoryFilter.Lte("create_time", new DateOnly(2025, 12, 31)),
                    MemoryFilter.Eq("scene", "chat")),
            }
        },
        {
            "search_memory.request.source_filter.json", new SearchMemoryRequest
            {
                UserId = "memos_user_123",
                Query = "Combine knowledge base policies, my conversation records, and project announcements to summarize compliance points.",
                KnowledgeBaseIds = ["kb_xxx"],
                Filter = MemoryFilter.BySource(
                    knowledgebase: MemoryFilter.And(
                        MemoryFilter.Contains("tags", "policy"),
                        MemoryFilter.Gte("create_time", "2025-01-01"),
                        MemoryFilter.Lte("create_time", "2025-12-31")),
                    user: MemoryFilter.And(
                        MemoryFilter.Eq("agent_id", "compliance_assistant"),
                        MemoryFilter.Eq("scene", "chat"),
                        MemoryFilter.Gte("create_time", "2025-06-01")),
                    @public: MemoryFilter.And(MemoryFilter.Contains("tags", "announcement"))),
            }
        },
        {
            "search_memory.request.tool_memory.json", new SearchMemoryRequest
            {
                UserId = "memos_user_123",
                ConversationId = "0928",
                Query = "What clothes are suitable for Beijing",
                MemoryLimitNumber = 10,
                IncludePreference = true,
                PreferenceLimitNumber = 10,
                IncludeToolMemory = true,
                ToolMemoryLimitNumber = 10,
            }
        },
        {
            "search_memory.request.memory_view_event.json", new SearchMemoryRequest
            {
                UserId = "memos_user_123",
                Query = "Any recent reviews or meetings?",
                IncludeMemoryView = [MemoryView.Event],
            }
        },
    };

    [Theory]
    [MemberData(nameof(DocumentedRequests))]
    public async Task Every_documented_request_is_sent_exactly(string fixture, SearchMemoryRequest request)
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("search_memory.response.multimodal.json"));
        using var client = server.CreateClient();

        await client.SearchMemoryAsync(request);

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/search/memory");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json(fixture));
    }

    [Fact]
    public async Task Multimodal_answer_parses_epoch_times_scores_tags_and_empty_lists()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("search_memory.response.multimodal.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("memos_user_123", "What am I studying?");

        result.Memories.Should().HaveCount(2);
        var first = result.Memories[0];
        first.Id.Should().Be("a5136287-de10-4df2-afc5-e412cdb8b649");
        first.MemoryKey.Should().Be("Studying MemOS");
        first.MemoryType.Should().Be(MemoryType.WorkingMemory);
        first.Status.Should().Be(MemoryStatus.Activated);
        first.Confidence.Should().Be(0.99);
        first.Relativity.Should().Be(0.5170716);
        first.Tags.Should().Equal("Study", "MemOS", "Image Sharing");
        first.CreateTime!.Value.IsNumber.Should().BeTrue();
        first.CreateTime.Value.Value.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1766041646311));
        result.Preferences.Should().BeEmpty();
        result.ToolMemories.Should().BeEmpty();
        result.Skills.Should().BeEmpty();
        result.PreferenceNote.Should().BeEmpty();
    }

    [Fact]
    public async Task Event_answer_parses_lists_and_cjk_text()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("search_memory.response.event.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("memos_user_123", "Any recent reviews or meetings?");

        var item = result.Events.Should().ContainSingle().Subject;
        item.EventKey.Should().Be("方案评审与交付调整");
        item.EventType.Should().Be(MemoryType.EventMemory);
        item.EventTime.Should().Equal("上周二下午", "七月底");
        item.EventLocation.Should().BeEmpty();
        item.EventRoles.Should().Equal("用户", "李四", "客户");
        item.UpdateTime!.Value.Value.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1783929757755));
        result.Memories.Should().BeEmpty();
    }

    [Fact]
    public async Task Profile_answer_parses()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("search_memory.response.profile.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("memos_user_123", "Where do I live?");

        result.Profiles.Should().HaveCount(2);
        result.Profiles[1].Memory.Should().Be("Basic Info.Location: Hangzhou");
        result.Profiles[1].ProfilePath.Should().Be("Basic Info.Location");
        result.Profiles[1].TemplateId.Should().Be("tpl_bb0948b22fe7");
        result.Profiles[1].AlgorithmUpdatable.Should().BeTrue();
        result.Profiles[1].MemoryType.Should().Be(MemoryType.ProfileMemory);
    }

    [Fact]
    public async Task Legacy_answer_keeps_unknown_fields_and_reads_null_lists_as_empty()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("search_memory.response.legacy_2025.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("memos_user_123", "trip");

        result.Memories.Should().HaveCount(2);
        result.Memories[0].Confidence.Should().Be(0.0);
        result.Memories[0].CreateTime.Should().BeNull();
        result.Memories[0].AdditionalProperties.Should().ContainKey("memory_time");
        result.AdditionalProperties.Should().ContainKey("message_detail_list");
        result.Preferences.Should().BeEmpty();
    }

    [Fact]
    public async Task Preference_fragment_parses_types_reasoning_and_note()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.AsEnvelopeData("search_memory.data.preferences.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("u", "food");

        result.Preferences.Should().HaveCount(2);
        result.Preferences[0].PreferenceType.Should().Be(PreferenceType.Explicit);
        result.Preferences[1].PreferenceType.Should().Be(PreferenceType.Implicit);
        result.Preferences[1].Reasoning.Should().StartWith("The user expressed");
        result.PreferenceNote.Should().Contain("# Note:");
        result.Memories.Single().MemoryType.Should().Be(MemoryType.UserMemory);
    }

    [Fact]
    public async Task Tool_memory_fragment_accepts_an_object_tool_value_and_an_undocumented_type()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.AsEnvelopeData("search_memory.data.tool_memory_fragment.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("u", "weather");

        var schema = result.ToolMemories[0];
        schema.ToolType.Should().Be(ToolMemoryType.ToolSchemaMemory);
        schema.ToolValue!.Value.GetProperty("name").GetString().Should().Be("get_weather");
        var trajectory = result.ToolMemories[1];
        trajectory.ToolType.Should().Be(ToolMemoryType.ToolTrajectory);
        trajectory.ToolValue!.Value.GetString().Should().StartWith("User asked about");
        trajectory.ToolUsedStatus.Should().ContainSingle().Which.SuccessRate.Should().Be(1.0);
        trajectory.Experience.Should().StartWith("when encountering");
    }

    [Fact]
    public async Task Knowledge_base_fragment_reads_exponent_scores_and_system_tags()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.AsEnvelopeData("search_memory.data.knowledgebase_fragment.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("u", "procurement");

        result.Memories[0].ConversationId.Should().Be("default_session");
        result.Memories[0].Tags.Should().Contain(["mode:fine", "multimodal:file"]);
        result.Memories[1].Relativity.Should().Be(1.6319022e-05);
    }

    [Fact]
    public async Task Async_rough_fragment_parses()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.AsEnvelopeData("search_memory.data.async_rough_fragment.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("u", "trip");

        result.Memories.Single().Tags.Should().Equal("mode:fast");
    }

    [Fact]
    public async Task Mock_with_code_200_and_every_view_parses()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("mocks/search_memory.all_views.pyt.json"));
        using var client = server.CreateClient();

        var result = await client.SearchMemoryAsync("u", "anything");

        result.Skills.Single().Id.Should().Be("skill-1");
        result.Profiles.Single().Id.Should().Be("profile-1");
        result.Events.Single().Id.Should().Be("event-1");
    }
}
