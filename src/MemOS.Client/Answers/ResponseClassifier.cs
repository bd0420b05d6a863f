using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Api;
using MemOS.Client.Errors;

namespace MemOS.Client.Answers;

/// <summary>
/// Decides what an answer is, once per response: the resilience handler calls it on each attempt
/// and the transport and stream reader read the same verdict (or compute it, when no handler ran);
/// <see cref="Rulebook"/> judges the verdict.
/// It reads the body under the caller's token, bounded: a JSON answer whole up to
/// <see cref="MaxBodyBytes"/>, another error body only as far as its message needs.
/// </summary>
internal static class ResponseClassifier
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    // An HTML or text error page is read only this far, for the message.
    private const int MaxErrorTextBytes = 4 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly HttpRequestOptionsKey<(HttpResponseMessage Response, ResponseVerdict Verdict)> VerdictKey = new("MemOS.Verdict");

    /// <summary>The verdict already reached on <paramref name="response"/>, if any.</summary>
    public static ResponseVerdict? Known(HttpResponseMessage response)
        => response.RequestMessage?.Options.TryGetValue(VerdictKey, out var known) == true && ReferenceEquals(known.Response, response) ? known.Verdict : null;

    /// <summary>The verdict on <paramref name="response"/>, computed on first use; afterwards its body, when read, is buffered.</summary>
    public static ValueTask<ResponseVerdict> ClassifyAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
        => Known(response) is { } known ? new(known) : ClassifyAndKeepAsync(response, time, cancellationToken);

    // Kept per response, not per request: a retried request carries one options bag across its attempts.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ResponseVerdict> ClassifyAndKeepAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var verdict = await ClassifyCoreAsync(response, time, cancellationToken).ConfigureAwait(false);
        response.RequestMessage?.Options.Set(VerdictKey, (response, verdict));
        return verdict;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ResponseVerdict> ClassifyCoreAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var succeeded = response.IsSuccessStatusCode;
        var request = response.RequestMessage;
        var mediaType = MediaTypes.Of(response.Content.Headers);
        var wantsStream = request is not null && WantsStream(request);

        if ((int)status is >= 300 and < 400)
        {
            var target = response.Headers.Location?.ToString();
            return Failure(response, time, ErrorCatalog.DescribeHttp((int)status), serverMessage: target is null ? null : "redirect to " + Bounded(target));
        }

        if (succeeded && wantsStream && MediaTypes.IsEventStream(mediaType))
        {
            return new ResponseVerdict { Kind = VerdictKind.Stream, Status = status, TraceId = TraceIdOf(response) };
        }

        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            return Unreadable(response, $"the body is larger than the {MaxBodyBytes / (1024 * 1024)} MB the SDK buffers");
        }

        if (MediaTypes.IsHtml(mediaType))
        {
            return succeeded
                ? Unreadable(response, "it is an HTML page, not JSON (a proxy or gateway answered instead of MemOS?)")
                : Failure(response, time, ErrorCatalog.DescribeHttp((int)status), serverMessage: HtmlExcerpt.Of(await ReadPrefixAsync(response, cancellationToken).ConfigureAwait(false)));
        }

        if (!succeeded && !MediaTypes.MayBeJson(mediaType))
        {
            var text = await ReadPrefixAsync(response, cancellationToken).ConfigureAwait(false);
            return Failure(response, time, ErrorCatalog.DescribeHttp((int)status), serverMessage: text);
        }

        ReadOnlyMemory<byte>? body;
        try
        {
            body = await BufferAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Rulebook.IsUndecodableBody(exception) && !cancellationToken.IsCancellationRequested)
        {
            return Unreadable(response, "its compressed body could not be decoded");
        }

        if (body is not { } read)
        {
            return Unreadable(response, $"the body is larger than the {MaxBodyBytes / (1024 * 1024)} MB the SDK buffers");
        }

        return Judge(response, read, wantsStream, time);
    }

    /// <summary>Whether the request asks for an event stream (its <c>Accept</c> names one).</summary>
    /// <remarks>Read unparsed: parsing the Accept header into its typed collection costs more than the whole check.</remarks>
    internal static bool WantsStream(HttpRequestMessage request)
    {
        if (!request.Headers.NonValidated.TryGetValues("Accept", out var accepts))
        {
            return false;
        }

        foreach (var accept in accepts)
        {
            if (accept.Contains(MediaTypes.EventStream, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ResponseVerdict Judge(HttpResponseMessage response, ReadOnlyMemory<byte> body, bool wantsStream, TimeProvider time)
    {
        var status = response.StatusCode;
        var succeeded = response.IsSuccessStatusCode;
        if (body.Length == 0)
        {
            // An async write may be accepted with an empty 200/202 body (seen live): accepted, no task id.
            return !succeeded ? Failure(response, time, ErrorCatalog.DescribeHttp((int)status))
                : wantsStream ? new ResponseVerdict { Kind = VerdictKind.Stream, Status = status, TraceId = TraceIdOf(response) }
                : response.RequestMessage is { } request && RouteFacts.Of(request).IsWrite ? new ResponseVerdict { Kind = VerdictKind.Accepted, Status = status, TraceId = TraceIdOf(response) }
                : Unreadable(response, "the body is empty");
        }

        // A byte order mark is allowed before JSON text; the body is read after it.
        var json = body[(body.Span.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0)..];
        var dataInfo = response.RequestMessage?.Options.TryGetValue(MemOSCall.Key, out var call) == true ? call.DataInfo : null;
        if (!EnvelopeReader.TryRead(json.Span, dataInfo, out var fields, out var jsonError))
        {
            return succeeded && wantsStream ? new ResponseVerdict { Kind = VerdictKind.Stream, Status = status, TraceId = TraceIdOf(response) }
                : succeeded ? Unreadable(response, "the body is not valid JSON of the expected shape (malformed or truncated)", jsonError)
                : Failure(response, time, ErrorCatalog.DescribeHttp((int)status), serverMessage: LooksLikeJson(json.Span) ? null : Text(json.Span));
        }

        if (fields.Code is { } code)
        {
            if (succeeded && Rulebook.IsSuccessCode(code))
            {
                return Success(response, json, dataInfo, fields, code);
            }

            var error = Rulebook.IsCloudCode(code) ? ErrorCatalog.Describe(code, fields.Message)
                : ErrorCatalog.DescribeHttp(succeeded && code is >= 400 and < 600 ? code : (int)status);
            return Failure(response, time, error, fields.Message, fields.RetryAfterSeconds, code);
        }

        return succeeded
            ? Success(response, json, dataInfo, fields, code: null)
            : Failure(response, time, ErrorCatalog.DescribeHttp((int)status), fields.Message, fields.RetryAfterSeconds);
    }

    private static ResponseVerdict Success(HttpResponseMessage response, ReadOnlyMemory<byte> body, JsonTypeInfo? dataInfo, EnvelopeFields fields, int? code)
        => new()
        {
            Kind = VerdictKind.Success,
            Status = response.StatusCode,
            TraceId = TraceIdOf(response),
            Code = code,
            Body = body,
            Data = fields.Data,
            DataInfo = dataInfo,
            DataValue = fields.DataValue,
            DataError = fields.DataError,
            ServerMessage = fields.Message,
        };

    // How long to wait is read only for a failure: from the Retry-After header, or a body's retry_after seconds.
    private static ResponseVerdict Failure(HttpResponseMessage response, TimeProvider time, ErrorInfo error, string? serverMessage = null, double? bodyRetryAfterSeconds = null, int? code = null)
        => new()
        {
            Kind = VerdictKind.Failure,
            Status = response.StatusCode,
            TraceId = TraceIdOf(response),
            Code = code,
            Error = error,
            ServerMessage = serverMessage,
            RetryAfter = RetryAfter.From(response.Headers, bodyRetryAfterSeconds, time),
        };

    // Not MemOS's answer: a gateway's page, a cut or oversized body. Transient only when the status says the service failed.
    private static ResponseVerdict Unreadable(HttpResponseMessage response, string problem, Exception? cause = null)
        => new()
        {
            ProblemCause = cause,
            Kind = VerdictKind.Failure,
            Status = response.StatusCode,
            TraceId = TraceIdOf(response),
            Error = (int)response.StatusCode >= 500 ? ErrorCatalog.DescribeHttp((int)response.StatusCode) : new(ErrorKind.Other, problem, "check the base URL and any proxy in between"),
            Problem = problem,
        };

    /// <summary>
    /// Reads the whole body into a pooled buffer, at most <see cref="MaxBodyBytes"/>, and puts it back
    /// as the response's content (<see cref="BufferedBody"/>) so it can be read again; null when it is larger.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ReadOnlyMemory<byte>?> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        (byte[] Buffer, int Length)? read;
        await using (stream.ConfigureAwait(false))
        {
            read = await ReadAllAsync(stream, content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
        }

        if (read is not { } body)
        {
            return null;
        }

        // The headers as received, copied unparsed: nothing here needs their parsed form.
        var buffered = new BufferedBody(body.Buffer, body.Length);
        foreach (var header in content.Headers.NonValidated)
        {
            if (header.Value.Count == 1)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = buffered;
        content.Dispose();
        return buffered.Memory;
    }

    // The body in a buffer rented from the shared pool, which the caller then owns; null (and nothing kept) when it is too large.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(byte[] Buffer, int Length)?> ReadAllAsync(Stream stream, long? length, CancellationToken cancellationToken)
    {
        // The usual case: the announced size. A body longer than announced is the network's to report.
        var buffer = ArrayPool<byte>.Shared.Rent(length is { } announced ? Math.Max((int)announced, 1) : 16 * 1024);
        try
        {
            if (length is { } known)
            {
                await stream.ReadExactlyAsync(buffer.AsMemory(0, (int)known), cancellationToken).ConfigureAwait(false);
                return (buffer, (int)known);
            }

            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxBodyBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, filled);
                }

                filled += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static async Task<string?> ReadPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxErrorTextBytes];
            var filled = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return filled == 0 ? null : Text(buffer.AsSpan(0, filled));
        }
    }

    private static string? Text(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.Length > MaxErrorTextBytes ? bytes[..MaxErrorTextBytes] : bytes).Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[';
    }

    private static string Bounded(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>The <c>traceid</c> header, kept only when it is a short token of safe characters: it is echoed into messages.</summary>
    internal static string? TraceIdOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("traceid", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        return value is { Length: > 0 and <= 128 } && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':') ? value : null;
    }
}
