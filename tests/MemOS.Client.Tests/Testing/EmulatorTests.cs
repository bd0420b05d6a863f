using MemOS.Client.Chat;
using MemOS.Client.Filters;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests;

public sealed class EmulatorTests
{
    [Fact]
    public async Task Written_statements_are_recalled_by_search_and_questions_are_not_stored()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var added = await client.AddMessageAsync("alice", "trip",
        [
            MemOSMessage.User("Which hotel chains are available?"),
            MemOSMessage.Assistant("7 Days Inn, Ji Hotel, Hilton."),
            MemOSMessage.User("I choose 7 Days Inn."),
        ]);
        var found = await client.SearchMemoryAsync("alice", "Which hotel did I choose?");

        added.Status.Should().Be(MemOSTaskStatus.Running);
        added.TaskId.Should().NotBeNullOrEmpty();
        var memory = found.Memories.Should().ContainSingle().Subject;
        memory.MemoryValue.Should().Be("The user said: I choose 7 Days Inn.");
        memory.Relativity.Should().Be(0.5);
        memory.ConversationId.Should().Be("trip");
        memory.CreateTime!.Value.IsNumber.Should().BeTrue();
    }

    [Fact]
    public async Task Likes_become_preferences_and_users_are_kept_apart()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();

        await client.AddMessageAsync("alice", "food", [MemOSMessage.User("I like spicy food. I do not like heavy oil.")]);
        var alice = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "alice", Query = "spicy food oil", Relativity = 0 });
        var bob = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "bob", Query = "spicy food oil", Relativity = 0 });

        alice.Preferences.Select(p => p.Preference).Should().Equal("I like spicy food.", "I do not like heavy oil.");
        alice.Memories.Should().HaveCount(2);
        alice.PreferenceNote.Should().NotBeEmpty();
        bob.Memories.Should().BeEmpty();
        bob.Preferences.Should().BeEmpty();
    }

    [Fact]
    public async Task Filters_narrow_recall_by_info_and_tags()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.AddMessageAsync(new AddMessageRequest { UserId = "u", Messages = [MemOSMessage.User("I fly to Shanghai on Friday.")], Info = new Dictionary<string, InfoValue> { ["scene"] = "flight" }, Tags = ["travel"] });
        await client.AddMessageAsync(new AddMessageRequest { UserId = "u", Messages = [MemOSMessage.User("I fly kites on Friday.")], Info = new Dictionary<string, InfoValue> { ["scene"] = "hobby" } });

        var flights = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "fly Friday", Filter = MemoryFilter.And(MemoryFilter.Eq("scene", "flight")) });
        var tagged = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", Query = "fly Friday", Filter = MemoryFilter.Or(MemoryFilter.Contains("tags", "travel")) });

        flights.Memories.Should().ContainSingle().Which.MemoryValue.Should().Contain("Shanghai");
        tagged.Memories.Should().ContainSingle().Which.MemoryValue.Should().Contain("Shanghai");
    }

    [Fact]
    public async Task Chat_answers_from_memory_streams_the_same_answer_and_writes_the_turn_back()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.AddMessageAsync("u", "c", [MemOSMessage.User("I choose 7 Days Inn.")]);

        var answer = await client.ChatAsync("u", "c", "Which hotel did I choose?");
        var streamed = await client.ChatStreamAsync("u", "c", "Which hotel did I choose?").ToListAsync();
        await client.ChatAsync(new ChatRequest { UserId = "u", Query = "My budget is 300 yuan." });
        var budget = await client.SearchMemoryAsync("u", "budget yuan");

        answer.Response.Should().Contain("7 Days Inn");
        streamed.Should().HaveCountGreaterThan(2).And.EndWith(new ChatStreamEnd());
        string.Concat(streamed.OfType<ChatTextDelta>().Select(d => d.Text)).Should().Be(answer.Response);
        budget.Memories.Should().ContainSingle().Which.MemoryValue.Should().Contain("300 yuan");
    }

    [Fact]
    public async Task Documented_error_codes_come_back_as_the_sdk_exceptions()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var stranger = new MemOSClient(new MemOSClientOptions { ApiKey = "not-a-key-of-this-emulator", BaseUrl = emulator.BaseUrl });
        using var raw = new HttpClient();

        var badKey = () => stranger.SearchMemoryAsync("u", "q");
        (await badKey.Should().ThrowAsync<MemOSAuthenticationException>()).Which.Code.Should().Be(40132);

        // Bypass the SDK's own checks to see what the emulator answers for an overlong id.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUrl + "/search/memory"))
        {
            Content = new StringContent($$"""{"user_id":"{{new string('u', 101)}}","query":"q"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + emulator.ApiKey);
        using var response = await raw.SendAsync(request);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":40010");
    }

    [Fact]
    public async Task Each_api_key_has_its_own_data()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var first = emulator.CreateClient();
        using var second = new MemOSClient(new MemOSClientOptions { ApiKey = emulator.CreateApiKey(), BaseUrl = emulator.BaseUrl });

        await first.AddMessageAsync("u", "c", [MemOSMessage.User("I choose 7 Days Inn.")]);
        var seenBySecond = await second.SearchMemoryAsync("u", "Which hotel did I choose?");

        seenBySecond.Memories.Should().BeEmpty();
    }
}
