using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>
/// Decides, from a conversation read back with get/message, how many messages of a request that
/// may have been applied are there. The service has no idempotency key, so the only evidence is the
/// conversation's tail: it must end with the messages the import wrote before the request, followed
/// by some leading part of the request (none, some or all of it). Each possible part is tried; the
/// answer is given only when exactly one fits, so repeated messages or another writer leave the
/// request undecided rather than guessed.
/// </summary>
internal static class ReadBack
{
    /// <summary>The most messages get/message returns.</summary>
    public const int Limit = MemOSLimits.MaxPageSize;

    /// <summary>How many leading messages of the request are there, or why that cannot be told.</summary>
    public readonly record struct Decision(int? Applied, string? Reason);

    /// <param name="before">The messages the import wrote just before the request, oldest first (at most
    /// <see cref="Limit"/>).</param>
    /// <param name="request">The request's messages.</param>
    /// <param name="stored">The conversation as read back, oldest first.</param>
    public static Decision Decide(
        IReadOnlyList<MemOSMessage> before,
        IReadOnlyList<MemOSMessage> request,
        IReadOnlyList<MessageDetail> stored)
    {
        if (before.Concat(request).FirstOrDefault(m => m.Content?.Text is null) is { } unreadable)
        {
            return new(null, $"a {unreadable.Role} message has no plain-text content to compare with what the service "
                + "returns");
        }

        // Fewer than asked for: the service returned the whole conversation.
        var whole = stored.Count < Limit;
        var fits = new List<(int Applied, int Compared)>();
        for (var applied = 0; applied <= request.Count; applied++)
        {
            var expected = before.Count + applied;
            if (whole && stored.Count < expected)
            {
                continue;
            }

            var compared = Math.Min(stored.Count, expected);
            var matches = true;
            for (var i = 1; i <= compared && matches; i++)
            {
                var ours = expected - i < before.Count ? before[expected - i] : request[expected - i - before.Count];
                matches = Same(ours, stored[^i]);
            }

            if (matches)
            {
                fits.Add((applied, compared));
            }
        }

        // A fit that compared nothing (no earlier messages, none of the request) is taken only when
        // the conversation is empty: messages there that this import did not write mean another writer.
        var confirmed = fits.Where(f => f.Compared > 0).ToList();
        return confirmed.Count switch
        {
            1 => new(confirmed[0].Applied, null),
            > 1 => new(null, "the conversation repeats the same messages, so what was read back fits more than one "
                + "outcome"),
            _ when stored.Count == 0 && fits.Count == 1 => new(fits[0].Applied, null),
            _ => new(null, "the conversation read back does not end with the messages this import wrote, so something "
                + "else changed it (during the import, or it held other messages before)"),
        };
    }

    private static bool Same(MemOSMessage ours, MessageDetail stored)
        => stored.Role == ours.Role
           && string.Equals(stored.Content, ours.Content!.Text, StringComparison.Ordinal)
           && (stored.ChatTime is null || ours.ChatTime is null
               || string.Equals(stored.ChatTime, ours.ChatTime, StringComparison.Ordinal));
}
