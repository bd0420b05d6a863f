using System.CommandLine;
using System.Globalization;
using MemOS.Client.Messages;

namespace MemOS.Client.Cli;

/// <summary>Checks of option and argument values, reported as usage errors named as the user typed them.</summary>
internal static class CliOptions
{
    /// <summary>The formats <c>--chat-time</c> and a message's chat time accept, as MemOS stores them.</summary>
    private static readonly string[] ChatTimeFormats
        = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd"];

    /// <summary>
    /// A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, its errors named as typed.
    /// </summary>
    public static Option<int> Between(this Option<int> option, int minimum, int maximum = int.MaxValue)
    {
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{option.Name} must be a whole number, not '{token}'.");
            }
            else if (value < minimum)
            {
                result.AddError(
                    string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {minimum}."));
            }
            else if (value > maximum)
            {
                result.AddError(
                    string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at most {maximum}."));
            }

            return value;
        };
        return option;
    }

    public static Option<string> NotEmpty(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{option.Name} must not be empty.");
            }
        });
        return option;
    }

    public static Argument<string> NotEmpty(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"<{argument.Name}> must not be empty.");
            }
        });
        return argument;
    }

    /// <summary>A message's text, checked by the SDK's one message validator (its non-empty rule).</summary>
    public static Argument<string> MessageText(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            var message = new MemOSMessage
            {
                Role = MessageRole.User,
                Content = result.GetValueOrDefault<string>() ?? string.Empty,
            };
            if (message.Problem(0) is { } problem)
            {
                result.AddError($"<{argument.Name}> {problem.Problem}");
            }
        });
        return argument;
    }

    public static Option<string?> ChatTime(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IsChatTime(value))
            {
                result.AddError($"{option.Name} '{value}' is not a time; give it as \"2025-09-12 08:00:00\".");
            }
        });
        return option;
    }

    public static bool IsChatTime(string value)
        => DateTimeOffset.TryParseExact(
            value.Trim(),
            ChatTimeFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out _);
}
