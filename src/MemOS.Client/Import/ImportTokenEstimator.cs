using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>
/// Estimates a message's tokens on the high side without a tokenizer: one per three ASCII
/// characters (English runs about four per token), one per other character (a Chinese character
/// is about one), and 8 for the role and framing. Image and file parts count their URL or data.
/// </summary>
internal static class ImportTokenEstimator
{
    private const int PerMessage = 8;

    public static int Estimate(MemOSMessage message)
    {
        long tokens = PerMessage;
        if (message.Content is { } content)
        {
            if (content.Text is { } text)
            {
                tokens += Estimate(text);
            }
            else
            {
                foreach (var part in content.Parts!)
                {
                    tokens += Estimate(part.Text) + Estimate(part.ImageUrl?.Url) + Estimate(part.File?.FileData);
                }
            }
        }

        foreach (var call in message.ToolCalls ?? [])
        {
            tokens += PerMessage + Estimate(call.Function.Name) + Estimate(call.Function.Arguments);
        }

        return (int)Math.Min(tokens, int.MaxValue);
    }

    private static long Estimate(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        long ascii = 0;
        long other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii++;
            }
            else if (!char.IsLowSurrogate(c))
            {
                other++;
            }
        }

        return ((ascii + 2) / 3) + other;
    }
}
