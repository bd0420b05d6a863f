using MemOS.Client.Import;
using MemOS.Client.Messages;

namespace MemOS.Client.Tests.Import;

/// <summary>
/// <see cref="ReadBack.Decide"/> as a table: each letter is one user message with that text; the
/// conversation read back must end with the messages written before the request and then a leading
/// part of the request, and only an answer that exactly one part fits is given.
/// </summary>
public sealed class ReadBackDecisionTests
{
    [Theory]
    [InlineData("", "ab", "", 0, null)]
    [InlineData("", "ab", "a", 1, null)]
    [InlineData("", "ab", "ab", 2, null)]
    [InlineData("xy", "ab", "xy", 0, null)]
    [InlineData("xy", "ab", "xya", 1, null)]
    [InlineData("xy", "ab", "xyab", 2, null)]
    [InlineData("y", "ab", "wxya", 1, null)]
    [InlineData("", "ab", "z", null, "something else changed it")]
    [InlineData("xy", "ab", "xyabz", null, "something else changed it")]
    [InlineData("xy", "ab", "xb", null, "something else changed it")]
    [InlineData("a", "a", "aa", null, "repeats the same messages")]
    [InlineData("ab", "ab", "abab", null, "repeats the same messages")]
    public void The_conversation_read_back_decides_how_much_of_the_request_is_there(string before, string request, string stored, int? applied, string? reason)
    {
        var decision = ReadBack.Decide(Messages(before), Messages(request), Stored(stored));

        decision.Applied.Should().Be(applied);
        if (reason is null)
        {
            decision.Reason.Should().BeNull();
        }
        else
        {
            decision.Reason.Should().Contain(reason);
        }
    }

    [Fact]
    public void A_full_window_is_compared_as_far_as_it_reaches()
    {
        // get/message returned its most (the window): older messages may be cut off, so fewer than
        // expected is no proof that a message is missing.
        var before = Messages(new string('x', ReadBack.Limit));
        var stored = Stored(new string('x', ReadBack.Limit - 1) + "a");

        ReadBack.Decide(before, Messages("ab"), stored).Applied.Should().Be(1);
    }

    [Theory]
    [InlineData("2025-01-01 10:00:00", "2025-01-01 10:00:00", 1)]
    [InlineData("2025-01-01 10:00:00", null, 1)]
    [InlineData("2025-01-01 10:00:00", "2025-01-01 11:00:00", null)]
    public void A_chat_time_the_service_returns_must_match_the_one_sent(string sent, string? returned, int? applied)
    {
        var request = new[] { MemOSMessage.User("a") with { ChatTime = sent } };
        var stored = new[] { new MessageDetail { Role = MessageRole.User, Content = "a", ChatTime = returned } };

        ReadBack.Decide([], request, stored).Applied.Should().Be(applied);
    }

    [Fact]
    public void A_message_without_plain_text_cannot_be_compared_and_is_not_guessed_at()
    {
        var parts = new MemOSMessage { Role = MessageRole.User, Content = MessageContent.FromParts([ContentPart.FromText("a")]) };

        var decision = ReadBack.Decide([], [parts], Stored("a"));

        decision.Applied.Should().BeNull();
        decision.Reason.Should().Contain("no plain-text content");
    }

    private static MemOSMessage[] Messages(string letters) => [.. letters.Select(c => MemOSMessage.User(c.ToString()))];

    private static MessageDetail[] Stored(string letters) => [.. letters.Select(c => new MessageDetail { Role = MessageRole.User, Content = c.ToString() })];
}
