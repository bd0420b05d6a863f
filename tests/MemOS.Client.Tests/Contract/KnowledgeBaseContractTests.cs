using System.Text;
using System.Text.Json.Nodes;
using MemOS.Client.KnowledgeBases;
using WireMock.Matchers;

namespace MemOS.Client.Tests.Contract;

/// <summary>Knowledge bases and their files on the wire, including the multipart upload.</summary>
public sealed class KnowledgeBaseContractTests
{
    [Fact]
    public async Task Create_knowledge_base_sends_the_documented_request_and_reads_the_id()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/create/knowledgebase", Fixture.Json("create_knowledgebase.request.json")), Fixture.Bytes("create_knowledgebase.response.json"));
        using var client = server.CreateClient();

        var created = await server.Expect(() => client.CreateKnowledgeBaseAsync(new CreateKnowledgeBaseRequest
        {
            KnowledgeBaseName = "Financial Reimbursement Knowledge Base",
            KnowledgeBaseDescription = "A compilation of all knowledge related to financial reimbursement in the company.",
        }));

        created.Id.Should().Be("idxxxxx");
    }

    [Fact]
    public async Task Delete_knowledge_base_sends_the_documented_request()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/delete/knowledgebase", Fixture.Json("delete_knowledgebase.request.json")), Fixture.Bytes("delete_memory.response.json"));
        using var client = server.CreateClient();

        var deleted = await server.Expect(() => client.DeleteKnowledgeBaseAsync("basee5ec9050-c964-484f-abf1-ce3e8e2aa5b7"));

        deleted.Success.Should().BeTrue();
    }

    [Fact]
    public async Task Add_file_by_url_sends_the_documented_request_and_reads_the_array_answer()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/add/knowledgebase-file", Fixture.Json("add_knowledgebase_file.request.json")), Fixture.Bytes("add_knowledgebase_file.response.json"));
        using var client = server.CreateClient();

        var files = await server.Expect(() => client.AddKnowledgeBaseFileAsync(new AddKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = "basec32f88c6-9dd3-4061-82c8-f0fa0e85a284",
            Files = [KnowledgeBaseFileInput.FromUrl("https://cdn.memtensor.com.cn/file/出差报销额度说明.docx")],
        }));

        var file = files.Should().ContainSingle().Subject;
        file.SizeMB.Should().Be(0.06331157684326172);
        file.Status!.Value.Value.Should().Be("running");
    }

    [Fact]
    public async Task Upload_sends_multipart_parts_named_file_with_the_knowledge_base_and_type_in_the_query()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.Cloud("/add/knowledgebase-file").UsingPost()
                .WithParam("knowledgebase_id", new ExactMatcher("kb_1"))
                .WithParam("type", new ExactMatcher("document"))
                .WithHeader("Content-Type", new WildcardMatcher("multipart/form-data; boundary=*"))
                // Each part: named "file", its file name and media type, then its bytes (header order within a part is free).
                .WithBody(new RegexMatcher(
                    """(?s)^(?=.*name="?file"?; filename="?policy\.pdf"?)(?=.*Content-Type: application/pdf)(?=.*%PDF-1\.4 test)"""
                    + """(?=.*name="?file"?; filename="?notes\.md"?)(?=.*Content-Type: text/markdown)(?=.*# Notes)""")),
            Fixture.Bytes("add_knowledgebase_file.response.json"));
        using var client = server.CreateClient();
        using var policy = new MemoryStream("%PDF-1.4 test"u8.ToArray());
        using var notes = new MemoryStream(Encoding.UTF8.GetBytes("# Notes"));

        var files = await server.Expect(() => client.UploadKnowledgeBaseFilesAsync(
            "kb_1", [KnowledgeBaseUpload.FromStream("policy.pdf", policy), KnowledgeBaseUpload.FromStream("notes.md", notes)], KnowledgeBaseFileType.Document));

        files.Should().ContainSingle().Which.Status!.Value.Value.Should().Be("running");
        server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_file_sends_the_documented_request_and_reads_the_details()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/get/knowledgebase-file", Fixture.Json("get_knowledgebase_file.request.by_ids.json")),
            """{"code":0,"message":"ok","data":{"file_detail_list":[{"id":"3711d404c51592c4eebae46900236f50","type":"document","name":"a.pdf","size":"1.2MB","status":"completed"}]}}""");
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.GetKnowledgeBaseFileAsync(new GetKnowledgeBaseFileRequest { FileIds = ["3711d404c51592c4eebae46900236f50"] }));

        result.Files.Single().Id.Should().Be("3711d404c51592c4eebae46900236f50");
        result.Files.Single().Size.Should().Be("1.2MB");
    }

    [Fact]
    public async Task Get_file_pages_send_the_knowledge_base_and_page_and_read_the_paging()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/get/knowledgebase-file", JsonNode.Parse("""{"knowledgebase_id":"kb","page":2,"page_size":5}""")!),
            Fixture.Bytes("mocks/get_knowledgebase_file.pagination.pyt.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.GetKnowledgeBaseFileAsync(new GetKnowledgeBaseFileRequest { KnowledgeBaseId = "kb", Page = 2, PageSize = 5 }));

        (result.Total, result.Page, result.PageSize).Should().Be((8, 2, 5));
    }

    [Fact]
    public async Task Delete_file_sends_the_documented_request()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/delete/knowledgebase-file", Fixture.Json("delete_knowledgebase_file.request.json")), Fixture.Bytes("delete_memory.response.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.DeleteKnowledgeBaseFileAsync(new DeleteKnowledgeBaseFileRequest { FileIds = ["3711d404c51592c4eebae46900236f50"] }));

        result.Success.Should().BeTrue();
    }
}
