namespace MemOS.Client.Benchmarks.Served;

/// <summary>The API roots the server answers under: each has its own chat stream.</summary>
/// <param name="Api">Search, add, and the token stream.</param>
/// <param name="TinyEvents">The tiny-event stream.</param>
/// <param name="FirstEvent">The one-event stream.</param>
internal sealed record ServedRoots(Uri Api, Uri TinyEvents, Uri FirstEvent)
{
    public static ServedRoots Under(Uri server) => new(
        new Uri(server, ServedAnswers.ApiPath),
        new Uri(server, ServedAnswers.TinyEventsPath),
        new Uri(server, ServedAnswers.FirstEventPath));
}
