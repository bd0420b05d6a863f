namespace MemOS.Client.Benchmarks.Served;

/// <summary>The four clients compared, by their keys in the tables.</summary>
internal static class ServedClients
{
    public static IReadOnlyList<string> Keys { get; } = ["a", "b", "c", "d"];

    public static ServedClient Create(string key, ServedRoots roots) => key switch
    {
        "a" => new RawFloor(roots),
        "b" => new TypedFloor(roots),
        "c" => SdkClient.AsUsersGetIt(roots),
        "d" => SdkClient.OverPlainHttpClient(roots),
        _ => throw new ArgumentException($"There is no client {key}; the clients are {string.Join(", ", Keys)}.", nameof(key)),
    };
}
