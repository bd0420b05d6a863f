namespace MemOS.Client.Benchmarks.Served;

/// <summary>The four clients compared, by their keys in the tables.</summary>
internal static class ServedClients
{
    public static IReadOnlyList<string> Keys { get; } = ["a", "b", "c", "d"];

    public static ServedClient Create(string key, Uri apiRoot, Uri firstEventRoot) => key switch
    {
        "a" => new RawFloor(apiRoot, firstEventRoot),
        "b" => new TypedFloor(apiRoot, firstEventRoot),
        "c" => SdkClient.AsUsersGetIt(apiRoot, firstEventRoot),
        "d" => SdkClient.OverPlainHttpClient(apiRoot, firstEventRoot),
        _ => throw new ArgumentException($"There is no client {key}; the clients are {string.Join(", ", Keys)}.", nameof(key)),
    };
}
