using System.Text.Json;

namespace MemOS.Client.Answers;

/// <summary>The top-level fields of a JSON answer that decide what it is; see <see cref="EnvelopeReader"/>.</summary>
/// <param name="Code">The envelope <c>code</c>, given as a number or as a numeric string.</param>
/// <param name="Message">The envelope <c>message</c>, else a <c>detail</c> (the self-hosted server's and rate limiter's
/// field).</param>
/// <param name="RetryAfterSeconds">A rate limiter's <c>retry_after</c>.</param>
/// <param name="DataValue">The <c>data</c> value read as the type asked for, when one was.</param>
/// <param name="DataError">Why the <c>data</c> value could not be read as that type.</param>
internal readonly record struct EnvelopeFields(
    int? Code,
    string? Message,
    double? RetryAfterSeconds,
    object? DataValue = null,
    JsonException? DataError = null);
