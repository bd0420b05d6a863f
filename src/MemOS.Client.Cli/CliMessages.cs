using System.Net;

namespace MemOS.Client.Cli;

/// <summary>
/// What the tool says about a failed call, where the SDK's general message would mislead a command-line user.
/// </summary>
internal static class CliMessages
{
    public static string Describe(MemOSException error) => error.HttpStatus switch
    {
        // The only part of a URL the tool's user controls is an id in its path.
        HttpStatusCode.RequestUriTooLong => "the service refused the request because its URL is too long: the id given "
            + "is too long (HTTP 414).",
        _ => error.Message,
    };
}
