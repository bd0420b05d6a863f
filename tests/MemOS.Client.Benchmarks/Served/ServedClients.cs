namespace MemOS.Client.Benchmarks.Served;

/// <summary>The four clients compared, by their keys in the tables.</summary>
internal static class ServedClients
{
    public static IReadOnlyList<string> Keys { get; } = ["a", "b", "c", "d"];

    /// <summary>The SDK's clients, (c) and (d), again from another build when <paramref name="baseline"/> is given.</summary>
    private static readonly string[] SdkKeys = ["c", "d"];

    /// <summary>
    /// The four clients of this build, then, with <paramref name="baseline"/> (the executable of this benchmark built
    /// from another commit), that build's SDK clients as (c0) and (d0).
    /// </summary>
    public static IReadOnlyList<ServedEntrant> LineUp(string? baseline)
    {
        var roots = ServedRoots.Under(new Uri("http://127.0.0.1/"));
        var entrants = new List<ServedEntrant>();
        foreach (var key in Keys)
        {
            using var client = Create(key, roots);
            entrants.Add(new(key, client.Description, key));
        }

        if (baseline is not null)
        {
            foreach (var key in SdkKeys)
            {
                var current = entrants.Single(entrant => entrant.Key == key);
                entrants.Add(new($"{key}0", $"{current.Description}, from the baseline build ({baseline})", key, baseline));
            }
        }

        return entrants;
    }

    public static ServedClient Create(string key, ServedRoots roots) => key switch
    {
        "a" => new RawFloor(roots),
        "b" => new TypedFloor(roots),
        "c" => SdkClient.AsUsersGetIt(roots),
        "d" => SdkClient.OverPlainHttpClient(roots),
        _ => throw new ArgumentException($"There is no client {key}; the clients are {string.Join(", ", Keys)}.", nameof(key)),
    };
}
