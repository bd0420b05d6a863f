using System.Text.Json.Nodes;
using MemOS.Client.Memories;
using Xunit.Sdk;

namespace MemOS.Client.Tests.Contract;

/// <summary>The contract server itself: an off-contract request fails loudly and readably, key order is free.</summary>
public sealed class ContractServerTests
{
    [Theory]
    [InlineData("""{"user_id":"u","query":"another question"}""", "another question")]
    [InlineData("""{"user_id":"u"}""", "{\"user_id\":\"u\"}")]
    public async Task A_request_off_the_contract_fails_with_wiremocks_report_of_the_closest_mapping_and_never_the_key(string expected, string shown)
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/search/memory", JsonNode.Parse(expected)!), Fixture.Bytes("search_memory.response.multimodal.json"));
        using var client = server.CreateClient(maxRetries: 0);

        var act = () => server.Expect(() => client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q" }));

        var report = (await act.Should().ThrowAsync<XunitException>()).Which.Message;
        report.Should().Contain("Closest mapping: /api/openmem/v1/search/memory")
            .And.Contain("DID NOT MATCH")
            .And.Contain("\"query\":\"q\"")
            .And.Contain("Expected body: ").And.Contain(shown)
            .And.Contain("Token <the test key>")
            .And.NotContain(ContractServer.ApiKey);
    }

    [Fact]
    public async Task Key_order_does_not_matter_to_the_contract()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/search/memory", JsonNode.Parse("""{"query":"q","user_id":"u"}""")!), Fixture.Bytes("search_memory.response.multimodal.json"));
        using var client = server.CreateClient(maxRetries: 0);

        var result = await server.Expect(() => client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "q" }));

        result.Memories.Should().HaveCount(2);
    }
}
