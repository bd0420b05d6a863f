using System.Text;
using System.Text.Json.Nodes;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Ranking;

namespace MemOS.Client.Tests;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public async Task Create_and_delete_send_the_documented_bodies()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, Interlocked.Increment(ref calls) == 1
            ? Fixture.Bytes("create_knowledgebase.response.json")
            : Fixture.Bytes("delete_memory.response.json")));
        using var client = server.CreateClient();

        var created = await client.CreateKnowledgeBaseAsync(new CreateKnowledgeBaseRequest
        {
            KnowledgeBaseName = "Financial Reimbursement Knowledge Base",
            KnowledgeBaseDescription = "A compilation of all knowledge related to financial reimbursement in the company.",
        });
        var deleted = await client.DeleteKnowledgeBaseAsync("basee5ec9050-c964-484f-abf1-ce3e8e2aa5b7");

        created.Id.Should().Be("idxxxxx");
        deleted.Success.Should().BeTrue();
        server.Requests[0].Path.Should().Be("/api/openmem/v1/create/knowledgebase");
        server.Requests[0].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("create_knowledgebase.request.json"));
        server.Requests[1].Path.Should().Be("/api/openmem/v1/delete/knowledgebase");
        server.Requests[1].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("delete_knowledgebase.request.json"));
    }

    [Theory]
    [InlineData("add_knowledgebase_file.response.json", "running")]
    [InlineData("add_knowledgebase_file.response.legacy_2026_02.json", "PROCESSING")]
    public async Task Add_file_by_url_sends_the_documented_body_and_reads_the_array_answer(string response, string status)
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes(response));
        using var client = server.CreateClient();

        var files = await client.AddKnowledgeBaseFileAsync(new AddKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = "basec32f88c6-9dd3-4061-82c8-f0fa0e85a284",
            Files = [KnowledgeBaseFileInput.FromUrl("https://cdn.memtensor.com.cn/file/出差报销额度说明.docx")],
        });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/add/knowledgebase-file");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("add_knowledgebase_file.request.json"));
        var file = files.Should().ContainSingle().Subject;
        file.SizeMB.Should().Be(0.06331157684326172);
        file.Status!.Value.Value.Should().Be(status);
    }

    [Fact]
    public async Task Add_skill_sends_its_type_and_an_object_answer_also_parses()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"id":"f1","type":"skill","name":"SKILL.md","sizeMB":1,"status":"running"}}"""u8.ToArray());
        using var client = server.CreateClient();

        var files = await client.AddKnowledgeBaseFileAsync(new AddKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = "idxxxxx",
            Files = [new KnowledgeBaseFileInput { Type = KnowledgeBaseFileType.Skill, Content = "https://cdn.memtensor.com.cn/file/SKILL.md" }],
        });

        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("add_knowledgebase_file.request.skill.json"));
        files.Single().Type.Should().Be(KnowledgeBaseFileType.Skill);
    }

    [Fact]
    public async Task An_empty_file_list_answer_parses()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("mocks/add_knowledgebase_file.empty.pyt.json"));
        using var client = server.CreateClient();

        var files = await client.AddKnowledgeBaseFileAsync(new AddKnowledgeBaseFileRequest { KnowledgeBaseId = "kb", Files = [KnowledgeBaseFileInput.FromUrl("https://x/y.pdf")] });

        files.Should().BeEmpty();
    }

    [Fact]
    public async Task Upload_sends_multipart_parts_named_file_with_names_types_and_query_parameters()
    {
        var directory = Directory.CreateTempSubdirectory("memos-upload-");
        try
        {
            var path = Path.Combine(directory.FullName, "policy.pdf");
            await File.WriteAllBytesAsync(path, "%PDF-1.4 test"u8.ToArray());
            using var notes = new MemoryStream(Encoding.UTF8.GetBytes("# Notes"));
            var parts = new List<(string Name, string? FileName, string? ContentType, string Body)>();
            await using var server = await LoopbackServer.StartAsync(async context =>
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                foreach (var file in form.Files)
                {
                    using var reader = new StreamReader(file.OpenReadStream());
                    parts.Add((file.Name, file.FileName, file.ContentType, await reader.ReadToEndAsync()));
                }

                await Respond.Bytes(context, Fixture.Bytes("add_knowledgebase_file.response.json"));
            });
            using var client = server.CreateClient();

            var files = await client.UploadKnowledgeBaseFilesAsync("kb 1", [KnowledgeBaseUpload.FromFile(path), KnowledgeBaseUpload.FromStream("notes.md", notes)], KnowledgeBaseFileType.Document);

            files.Should().ContainSingle();
            var request = server.SingleRequest;
            request.Path.Should().Be("/api/openmem/v1/add/knowledgebase-file?knowledgebase_id=kb%201&type=document");
            request.Header("Content-Type").Should().StartWith("multipart/form-data");
            request.Header("Authorization").Should().Be("Token " + LoopbackServer.ApiKey);
            parts.Should().Equal(("file", "policy.pdf", "application/pdf", "%PDF-1.4 test"), ("file", "notes.md", "text/markdown", "# Notes"));
            notes.CanRead.Should().BeTrue("a caller's stream is the caller's to dispose");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static TheoryData<string, Func<KnowledgeBaseUpload[]>> OverLimitUploads() => new()
    {
        { "at most 20", () => Enumerable.Range(0, 21).Select(i => KnowledgeBaseUpload.FromStream($"{i}.txt", new MemoryStream([1]))).ToArray() },
        { "100 MB", () => [KnowledgeBaseUpload.FromStream("big.pdf", new LengthOnlyStream(100L * 1024 * 1024 + 1))] },
        { "300 MB", () => Enumerable.Range(0, 4).Select(i => KnowledgeBaseUpload.FromStream($"{i}.pdf", new LengthOnlyStream(80L * 1024 * 1024))).ToArray() },
    };

    [Theory]
    [MemberData(nameof(OverLimitUploads))]
    public async Task Uploads_over_the_documented_limits_are_refused_before_sending(string limit, Func<KnowledgeBaseUpload[]> uploads)
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_knowledgebase_file.response.json"));
        using var client = server.CreateClient();

        var act = () => client.UploadKnowledgeBaseFilesAsync("kb", uploads());

        await act.Should().ThrowAsync<ArgumentException>().WithMessage($"*{limit}*");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Get_file_by_ids_sends_the_documented_body()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"file_detail_list":[{"id":"3711d404c51592c4eebae46900236f50","type":"document","name":"a.pdf","size":"1.2MB","status":"completed"}]}}"""u8.ToArray());
        using var client = server.CreateClient();

        var result = await client.GetKnowledgeBaseFileAsync(new GetKnowledgeBaseFileRequest { FileIds = ["3711d404c51592c4eebae46900236f50"] });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/get/knowledgebase-file");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("get_knowledgebase_file.request.by_ids.json"));
        result.Files.Single().Size.Should().Be("1.2MB");
        result.Total.Should().BeNull();
    }

    [Fact]
    public async Task Get_file_listing_parses_the_paging_mock()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("mocks/get_knowledgebase_file.pagination.pyt.json"));
        using var client = server.CreateClient();

        var result = await client.GetKnowledgeBaseFileAsync(new GetKnowledgeBaseFileRequest { KnowledgeBaseId = "kb", Page = 2, PageSize = 5 });

        (result.Total, result.Page, result.PageSize).Should().Be((8, 2, 5));
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"knowledgebase_id":"kb","page":2,"page_size":5}"""));
    }

    [Fact]
    public async Task All_files_walks_every_page_of_a_knowledge_base()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var page = JsonNode.Parse(LoopbackServer.Body(context))!["page"]!.GetValue<int>();
            var ids = Enumerable.Range(0, page < 3 ? 2 : 1).Select(i => $$"""{"id":"f{{page}}{{i}}"}""");
            return Respond.Text(context, $$$"""{"code":0,"message":"ok","data":{"file_detail_list":[{{{string.Join(",", ids)}}}],"total":5,"page":{{{page}}},"page_size":2}}""");
        });
        using var client = server.CreateClient();

        var files = await client.GetAllKnowledgeBaseFilesAsync("kb", KnowledgeBaseFileType.Skill, pageSize: 2).ToListAsync();

        files.Select(f => f.Id).Should().Equal("f10", "f11", "f20", "f21", "f30");
        server.Requests.Select(r => r.BodyJson!["page"]!.GetValue<int>()).Should().Equal(1, 2, 3);
        server.Requests[0].BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"knowledgebase_id":"kb","type":"skill","page":1,"page_size":2}"""));
    }

    [Fact]
    public async Task Delete_file_sends_the_documented_body()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("delete_memory.response.json"));
        using var client = server.CreateClient();

        await client.DeleteKnowledgeBaseFileAsync(new DeleteKnowledgeBaseFileRequest { FileIds = ["3711d404c51592c4eebae46900236f50"] });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/delete/knowledgebase-file");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("delete_knowledgebase_file.request.json"));
    }

    [Theory]
    [InlineData("rerank.response.placeholder.json", "<string>", 0)]
    [InlineData("mocks/rerank.wrapped.pyt.json", "rerank-1", -1)]
    public async Task Rerank_sends_the_documented_body_and_reads_bare_and_enveloped_answers(string response, string id, int firstIndex)
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes(response));
        using var client = server.CreateClient();

        var result = await client.RerankAsync(new RerankRequest
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
        });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/rerank");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("rerank.request.json"));
        result.Id.Should().Be(id);
        (result.Results.Count > 0 ? result.Results[0].Index : -1).Should().Be(firstIndex);
    }

    [Fact]
    public async Task A_rerank_error_envelope_still_throws()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":40305,"message":"too long"}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = () => client.RerankAsync(new RerankRequest { Query = "q", Documents = ["d"] });

        await act.Should().ThrowAsync<MemOSRequestTooLargeException>();
    }

    private sealed class LengthOnlyStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Over-limit uploads must never be read.");

        public override long Seek(long offset, SeekOrigin origin) => Position = offset;

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
