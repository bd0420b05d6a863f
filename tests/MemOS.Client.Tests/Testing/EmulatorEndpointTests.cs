using MemOS.Client.Chat;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Profiles;
using MemOS.Client.Ranking;
using MemOS.Client.Tasks;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests;

/// <summary>Whole flows through the SDK against the emulator, one per API area, and its fault injection.</summary>
public sealed class EmulatorEndpointTests
{
    [Fact]
    public async Task A_write_completes_then_its_memories_can_be_listed_fetched_updated_and_deleted()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var status = await client.AddMessageAndWaitAsync(
            new AddMessageRequest { UserId = "u", ConversationId = "c", Messages = [MemOSMessage.User("I like jasmine tea. I live in Hangzhou.")] },
            new TaskWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(1), TimeProvider = new AutoAdvancingTimeProvider() });
        var page = await client.GetMemoryAsync(new GetMemoryRequest { UserId = "u" });
        var fact = page.Memories.First(m => m.MemoryValue!.Contains("Hangzhou", StringComparison.Ordinal));
        var fetched = await client.GetMemoryByIdAsync(fact.Id!);
        await client.UpdateMemoryAsync(new UpdateMemoryRequest { MemoryId = fact.Id!, Content = "The user lives in Shanghai." });
        var updated = await client.GetMemoryByIdAsync(fact.Id!);
        await client.DeleteMemoryAsync(new DeleteMemoryRequest { MemoryIds = [fact.Id!] });
        var afterDelete = () => client.GetMemoryByIdAsync(fact.Id!);

        status.MemoryViews!.Added.Should().Be(3);
        status.MemoryViews.DetailFactual!.MemoryIds.Should().HaveCount(2);
        status.MemoryViews.Preference!.MemoryIds.Should().ContainSingle();
        page.Memories.Should().HaveCount(2);
        page.Preferences.Should().ContainSingle().Which.Preference.Should().Be("I like jasmine tea.");
        page.Memories[0].Sources.Should().NotBeNullOrEmpty();
        (page.Total, page.Current, page.Pages).Should().Be((2, 1, 1));
        fetched.MemoryView.Should().Be(MemoryView.DetailFactual);
        updated.Content!.Value.GetString().Should().Be("The user lives in Shanghai.");
        (await afterDelete.Should().ThrowAsync<MemOSNotFoundException>()).Which.Code.Should().Be(40001);
    }

    [Fact]
    public async Task Messages_feedback_extraction_and_rerank_answer_from_the_same_state()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.AddMessageAsync("u", "c", [MemOSMessage.User("I choose 7 Days Inn."), MemOSMessage.Assistant("Noted.")]);

        var messages = await client.GetMessagesAsync(new GetMessageRequest { UserId = "u", ConversationId = "c" });
        var feedback = await client.AddFeedbackAsync(new Feedback.AddFeedbackRequest { UserId = "u", FeedbackContent = "I switched to Hilton." });
        var found = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "Hilton", Relativity = 0.5 });
        var extracted = await client.ExtractMemoryAsync(new ExtractMemoryRequest { Messages = [MemOSMessage.User("I prefer window seats.")] });
        var ranked = await client.RerankAsync(new RerankRequest { Query = "window seats", Documents = ["I live in Hangzhou.", "I prefer window seats."] });

        messages.Messages.Select(m => m.Role!.Value.Value).Should().Equal("user", "assistant");
        messages.Messages[0].CreateTime!.Value.Value.Should().NotBeNull();
        feedback.TaskId.Should().NotBeNull();
        found.Memories.Should().ContainSingle().Which.MemoryValue.Should().Contain("Hilton");
        extracted.Preferences.Should().ContainSingle().Which.Preference.Should().Be("I prefer window seats.");
        ranked.Results[0].Index.Should().Be(1);
    }

    [Fact]
    public async Task Knowledge_bases_take_files_by_url_and_upload_and_list_them_page_by_page()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var kb = await client.CreateKnowledgeBaseAsync(new CreateKnowledgeBaseRequest { KnowledgeBaseName = "Policies" });
        await client.AddKnowledgeBaseFileAsync(new AddKnowledgeBaseFileRequest { KnowledgeBaseId = kb.Id!, Files = [KnowledgeBaseFileInput.FromUrl("https://cdn.example.com/a.pdf"), KnowledgeBaseFileInput.FromUrl("https://cdn.example.com/b.pdf")] });
        using var notes = new MemoryStream("# Notes"u8.ToArray());
        var uploaded = await client.UploadKnowledgeBaseFilesAsync(kb.Id!, [KnowledgeBaseUpload.FromStream("c.md", notes)]);
        var all = await client.GetAllKnowledgeBaseFilesAsync(kb.Id!, pageSize: 2).ToListAsync();
        await client.DeleteKnowledgeBaseFileAsync(new DeleteKnowledgeBaseFileRequest { FileIds = [uploaded[0].Id!] });
        var left = await client.GetKnowledgeBaseFileAsync(new GetKnowledgeBaseFileRequest { KnowledgeBaseId = kb.Id! });
        await client.DeleteKnowledgeBaseAsync(kb.Id!);
        var gone = () => client.GetKnowledgeBaseFileAsync(new GetKnowledgeBaseFileRequest { KnowledgeBaseId = kb.Id! });

        uploaded.Should().ContainSingle().Which.Name.Should().Be("c.md");
        all.Select(f => f.Name).Should().Equal("a.pdf", "b.pdf", "c.md");
        left.Total.Should().Be(2);
        (await gone.Should().ThrowAsync<MemOSNotFoundException>()).Which.Code.Should().Be(50120);
    }

    [Fact]
    public async Task Profiles_follow_their_template_and_are_recalled_when_asked_for()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var template = await client.AddProfileTemplateAsync(new AddProfileTemplateRequest
        {
            Name = "Traveller",
            Metadata = new ProfileMetadata().Set("Basic Info", "City", new ProfileFieldValue { Value = "" }),
        });
        await client.BindProfileTemplateAsync(new BindProfileTemplateRequest { BindList = [new ProfileBinding { ProfileTemplateId = template.ProfileTemplateId!, UserId = "u" }] });
        await client.EditProfileAsync(new EditProfileRequest
        {
            ProfileTemplateId = template.ProfileTemplateId!,
            UserId = "u",
            Metadata = new ProfileMetadata().Set("Basic Info", "City", new ProfileFieldValue { Value = "Hangzhou", AlgorithmUpdatable = false }),
        });
        var recalled = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "Which city?", IncludeMemoryView = [MemoryView.Profile] });
        var listed = await client.ListProfileTemplatesAsync();
        var updated = await client.UpdateProfileTemplateAsync(new UpdateProfileTemplateRequest
        {
            ProfileTemplateId = template.ProfileTemplateId!,
            Name = "Traveller",
            Metadata = new ProfileMetadata().Set("Basic Info", "City", new ProfileFieldValue { Value = "" }).Set("Basic Info", "Airline", new ProfileFieldValue { Value = "" }),
        });
        var profile = (await client.GetMemoryAsync(new GetMemoryRequest { UserId = "u" })).Profiles.Single();
        var deleted = await client.DeleteProfileTemplateAsync(template.ProfileTemplateId!);

        recalled.Profiles.Should().ContainSingle().Which.Memory.Should().Be("Basic Info.City: Hangzhou");
        listed.ProfileTemplates.Should().ContainSingle().Which.InstanceCount.Should().Be(1);
        updated.AffectedInstances.Should().Be(1);
        profile.Properties!.Categories["Basic Info"].Keys.Should().BeEquivalentTo("City", "Airline");
        deleted.DeletedInstances.Should().Be(1);
    }

    [Fact]
    public async Task Injected_faults_reach_the_client_as_the_service_would_send_them()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = new MemOSClient(new MemOSClientOptions
        {
            ApiKey = emulator.ApiKey,
            BaseUrl = emulator.BaseUrl,
            TimeProvider = new AutoAdvancingTimeProvider(),
            Retry = new MemOSRetryOptions { AttemptTimeout = Timeout.InfiniteTimeSpan },
        });

        emulator.InjectFault("add/message", EmulatorFault.ErrorCode(40309), times: 2);
        var retried = await client.AddMessageAsync("u", "c", [MemOSMessage.User("I choose 7 Days Inn.")]);

        emulator.InjectFault("search/memory", EmulatorFault.HttpError(429, TimeSpan.FromSeconds(120)));
        var limited = () => client.SearchMemoryAsync("u", "hotel");

        emulator.InjectFault("add/message", EmulatorFault.DropConnection());
        var dropped = () => client.AddMessageAsync("u", "c", [MemOSMessage.User("I choose Hilton.")]);

        emulator.InjectFault("chat", EmulatorFault.CutStreamAfter(2));
        var received = new List<ChatStreamEvent>();
        var cut = async () =>
        {
            await foreach (var update in client.ChatStreamAsync("u", "c", "Which hotel did I choose?"))
            {
                received.Add(update);
            }
        };

        retried.Success.Should().BeTrue();
        (await limited.Should().ThrowAsync<MemOSRateLimitException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        (await dropped.Should().ThrowAsync<MemOSConnectionException>()).Which.WriteMayHaveBeenApplied.Should().BeTrue();
        await cut.Should().ThrowAsync<MemOSStreamException>();
        received.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_delay_fault_runs_on_the_emulator_clock()
    {
        var clock = new AutoAdvancingTimeProvider();
        await using var emulator = await MemOSEmulator.StartAsync(clock);
        using var client = emulator.CreateClient();

        emulator.InjectFault("search/memory", EmulatorFault.Delay(TimeSpan.FromMinutes(5)));
        var result = await client.SearchMemoryAsync("u", "anything");

        result.Memories.Should().BeEmpty();
        clock.Elapsed.Should().Be(TimeSpan.FromMinutes(5));
    }
}
