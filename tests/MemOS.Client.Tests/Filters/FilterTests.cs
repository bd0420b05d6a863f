using System.Text.Json.Nodes;
using MemOS.Client.Filters;

namespace MemOS.Client.Tests;

public sealed class FilterTests
{
    public static TheoryData<string, MemoryFilter> DocumentedFilters() => new()
    {
        {
            "search_memory.request.global_filter.json",
            MemoryFilter.And(
                MemoryFilter.Contains("tags", "reading"),
                MemoryFilter.Gte("create_time", "2025-01-01"),
                MemoryFilter.Lte("create_time", "2025-12-31"),
                MemoryFilter.Eq("scene", "chat"))
        },
        {
            "search_memory.request.source_filter.json",
            MemoryFilter.BySource(
                knowledgebase: MemoryFilter.And(MemoryFilter.Contains("tags", "policy"), MemoryFilter.Gte("create_time", "2025-01-01"), MemoryFilter.Lte("create_time", "2025-12-31")),
                user: MemoryFilter.And(MemoryFilter.Eq("agent_id", "compliance_assistant"), MemoryFilter.Eq("scene", "chat"), MemoryFilter.Gte("create_time", "2025-06-01")),
                @public: MemoryFilter.And(MemoryFilter.Contains("tags", "announcement")))
        },
        { "chat.request.json", MemoryFilter.And(MemoryFilter.Gt("create_time", new DateOnly(2025, 9, 19))) },
        { "chat.request.recall_scope.json", MemoryFilter.And(MemoryFilter.Contains("tags", "travel"), MemoryFilter.Gte("create_time", "2025-01-01")) },
    };

    [Theory]
    [MemberData(nameof(DocumentedFilters))]
    public void The_builder_writes_every_documented_filter_exactly(string fixture, MemoryFilter filter)
    {
        JsonNode.Parse(filter.ToJson()).ShouldBeJsonEquivalentTo(Fixture.Json(fixture)["filter"]);
    }

    [Fact]
    public void The_spec_examples_for_or_and_related_ids_are_written_exactly()
    {
        JsonNode.Parse(MemoryFilter.Or(MemoryFilter.Eq("agent_id", "agent_123"), MemoryFilter.Eq("agent_id", "agent_456")).ToJson())
            .ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"or": [{"agent_id": "agent_123"}, {"agent_id": "agent_456"}]}"""));
        JsonNode.Parse(MemoryFilter.And(MemoryFilter.AnyOf("related_id", "memos_agent_1", "memos_agent_2")).ToJson())
            .ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"and": [{"related_id": ["memos_agent_1", "memos_agent_2"]}]}"""));
    }

    [Fact]
    public void Raw_json_round_trips_and_is_recognised_as_per_source()
    {
        var filter = MemoryFilter.FromJson("""{"user": {"and": [{"agent_id": "memos_agent"}]}}""");

        filter.IsPerSource.Should().BeTrue();
        JsonNode.Parse(filter.ToJson()).ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"user": {"and": [{"agent_id": "memos_agent"}]}}"""));
    }
}
