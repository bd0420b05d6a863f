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

    // What a trace id may hold to be echoed into messages.
    private static readonly SearchValues<char> TraceIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The verdict on <paramref name="response"/>, the answer to <paramref name="call"/>: the one reached
    /// on it already, or computed now and kept on the call; afterwards its body, when read, is buffered.
    /// </summary>
    public static ValueTask<ResponseVerdict> ClassifyAsync(
        HttpResponseMessage response,
        MemOSCall call,
        CancellationToken cancellationToken)
        => call.VerdictOn(response) is { } known ? new(known) : ClassifyAndKeepAsync(response, call, cancellationToken);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ResponseVerdict> ClassifyAndKeepAsync(
        HttpResponseMessage response,
        MemOSCall call,
        CancellationToken cancellationToken)
    {
        var verdict = await ClassifyCoreAsync(response, call, cancellationToken).ConfigureAwait(false);
        call.Judged(response, verdict);
        return verdict;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ResponseVerdict> ClassifyCoreAsync(
        HttpResponseMessage response,
        MemOSCall call,
        CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var succeeded = response.IsSuccessStatusCode;
        var request = response.RequestMessage;
        var mediaType = MediaTypes.Of(response.Content.Headers);
        var wantsStream = request is not null && WantsStream(request);

        if ((int)status is >= 300 and < 400)
        {
            var target = response.Headers.Location?.ToString();
            return Failure(
                response,
                call,
                ErrorCatalog.DescribeHttp((int)status),
                serverMessage: target is null ? null : "redirect to " + Bounded(target));
        }

        if (succeeded && wantsStream && MediaTypes.IsEventStream(mediaType))
        {
            return Answered(VerdictKind.Stream, response, call);
        }

        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            return Unreadable(
                response,
                call,
                $"the body is larger than the {MaxBodyBytes / (1024 * 1024)} MB the SDK buffers");
        }

        if (MediaTypes.IsHtml(mediaType))
        {
            return succeeded
                ? Unreadable(
                    response,
                    call,
                    "it is an HTML page, not JSON (a proxy or gateway answered instead of MemOS?)")
                : Failure(response, call, ErrorCatalog.DescribeHttp((int)status), serverMessage: HtmlExcerpt.Of(
                    await ReadPrefixAsync(response, cancellationToken).ConfigureAwait(false)));
        }

        if (!succeeded && !MediaTypes.MayBeJson(mediaType))
        {
            var text = await ReadPrefixAsync(response, cancellationToken).ConfigureAwait(false);
            return Failure(response, call, ErrorCatalog.DescribeHttp((int)status), serverMessage: text);
        }

        ReadOnlyMemory<byte>? body;
        try
        {
            body = await BufferAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Rulebook.IsUndecodableBody(exception)
            && !cancellationToken.IsCancellationRequested)
        {
            return Unreadable(response, call, "its compressed body could not be decoded");
        }

        if (body is not { } read)
        {
            return Unreadable(
                response,
                call,
                $"the body is larger than the {MaxBodyBytes / (1024 * 1024)} MB the SDK buffers");
        }

        return Judge(response, read, wantsStream, call);
    }

    /// <summary>Whether the request asks for an event stream (its <c>Accept</c> names one).</summary>
    /// <remarks>
    /// Read unparsed: parsing the Accept header into its typed collection costs more than the whole check.
    /// </remarks>
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

    private static ResponseVerdict Judge(
        HttpResponseMessage response,
        ReadOnlyMemory<byte> body,
        bool wantsStream,
        MemOSCall call)
    {
        var status = response.StatusCode;
        var succeeded = response.IsSuccessStatusCode;
        if (body.Length == 0)
        {
            // An async write may be accepted with an empty 200/202 body (seen live): accepted, no task id.
            return !succeeded ? Failure(response, call, ErrorCatalog.DescribeHttp((int)status))
                : wantsStream ? Answered(VerdictKind.Stream, response, call)
                : call.Route.IsWrite ? Answered(VerdictKind.Accepted, response, call)
                : Unreadable(response, call, "the body is empty");
        }

        // A byte order mark is allowed before JSON text; the body is read after it.
        var json = body[(body.Span.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0)..];
        if (!EnvelopeReader.TryRead(json.Span, call.DataInfo, out var fields, out var jsonError))
        {
            return succeeded && wantsStream ? Answered(VerdictKind.Stream, response, call)
                : succeeded ? Unreadable(
                    response,
                    call,
                    "the body is not valid JSON of the expected shape (malformed or truncated)",
                    jsonError)
                : Failure(
                    response,
                    call,
                    ErrorCatalog.DescribeHttp((int)status),
                    serverMessage: LooksLikeJson(json.Span) ? null : Text(json.Span));
        }

        if (fields.Code is { } code)
        {
            if (succeeded && Rulebook.IsSuccessCode(code))
            {
                return Success(response, call, json, fields, code);
            }

            var error = Rulebook.IsCloudCode(code) ? ErrorCatalog.Describe(code, fields.Message)
                : ErrorCatalog.DescribeHttp(succeeded && code is >= 400 and < 600 ? code : (int)status);
            return Failure(response, call, error, fields.Message, fields.RetryAfterSeconds, code);
        }

        return succeeded
            ? Success(response, call, json, fields, code: null)
            : Failure(response, call, ErrorCatalog.DescribeHttp((int)status), fields.Message, fields.RetryAfterSeconds);
    }

    // A success code (or none) is a success only when the answer has the route's shape and its data
    // does not itself report a failure: decided here, so that no success is undone after the retry decision.
    private static ResponseVerdict Success(
        HttpResponseMessage response,
        MemOSCall call,
        ReadOnlyMemory<byte> json,
        EnvelopeFields fields,
        int? code)
    {
        var route = call.Route;
        var (data, dataError) = (fields.DataValue, fields.DataError);
        if (code is null)
        {
            switch (route.Answer)
            {
                case AnswerShape.Envelope:
                    return Unreadable(response, call, "the body has no envelope code");
                case AnswerShape.EnvelopeOrBare when call.DataInfo is { } bare:
                    (data, dataError) = EnvelopeReader.ReadValue(json.Span, bare);
                    break;
            }
        }

        if (dataError is not null)
        {
            return Unreadable(response, call, "the body is not valid JSON of the expected shape", dataError);
        }

        if (data is IOperationOutcome outcome && EnvelopeReader.ReportsFailure(outcome))
        {
            var detail = $"the service answered code {code} but its data reports failure (success: "
                + $"{outcome.Success?.ToString() ?? "absent"}, status: {outcome.OutcomeStatus ?? "absent"})";
            return Failure(response, call, ErrorCatalog.FailedOutcome, fields.Message, code: code, dataFailure: detail);
        }

        // A value type (a JSON element) always has a value; its reader decides what an absent one means.
        if (data is null && route.DataRequired && call.DataInfo is { Type.IsValueType: false })
        {
            return Unreadable(response, call, "the answer has no data");
        }

        return new()
        {
            Kind = VerdictKind.Success,
            Status = response.StatusCode,
            TraceId = TraceIdOf(response, call),
            Code = code,
            Data = data,
            ServerMessage = fields.Message,
        };
    }

    // A stream, or an accepted write: nothing read but the status and trace id.
    private static ResponseVerdict Answered(VerdictKind kind, HttpResponseMessage response, MemOSCall call)
        => new() { Kind = kind, Status = response.StatusCode, TraceId = TraceIdOf(response, call) };

    // How long to wait is read only for a failure: from the Retry-After header, or a body's retry_after seconds.
    private static ResponseVerdict Failure(
        HttpResponseMessage response,
        MemOSCall call,
        ErrorInfo error,
        string? serverMessage = null,
        double? bodyRetryAfterSeconds = null,
        int? code = null,
        string? dataFailure = null)
        => new()
        {
            DataFailure = dataFailure,
            Kind = VerdictKind.Failure,
            Status = response.StatusCode,
            TraceId = TraceIdOf(response, call),
            Code = code,
            Error = error,
            ServerMessage = serverMessage,
            RetryAfter = RetryAfter.From(response.Headers, bodyRetryAfterSeconds, call.Time),
        };

    // Not MemOS's answer: a gateway's page, a cut or oversized body; its row depends on the status alone.
    private static ResponseVerdict Unreadable(
        HttpResponseMessage response,
        MemOSCall call,
        string problem,
        Exception? cause = null)
        => new()
        {
            ProblemCause = cause,
            Kind = VerdictKind.Failure,
            Status = response.StatusCode,
            TraceId = TraceIdOf(response, call),
            Error = ErrorCatalog.Unreadable((int)response.StatusCode),
            Problem = problem,
        };

    /// <summary>
    /// Reads the whole body into a pooled buffer, at most <see cref="MaxBodyBytes"/>, and puts it back
    /// as the response's content (<see cref="BufferedBody"/>) so it can be read again; null when it is larger.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ReadOnlyMemory<byte>?> BufferAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
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

    // The body in a buffer rented from the shared pool, which the caller then owns; null (and nothing kept) when it is
    // too large.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(byte[] Buffer, int Length)?> ReadAllAsync(
        Stream stream,
        long? length,
        CancellationToken cancellationToken)
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

    private static async Task<string?> ReadPrefixAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxErrorTextBytes];
            var filled = await stream.ReadAtLeastAsync(
                buffer,
                buffer.Length,
                throwOnEndOfStream: false,
                cancellationToken).ConfigureAwait(false);
            return filled == 0 ? null : Text(buffer.AsSpan(0, filled));
        }
    }

    private static string? Text(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.Length > MaxErrorTextBytes ? bytes[..MaxErrorTextBytes] : bytes)
            .Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[';
    }

    private static string Bounded(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>
    /// The <c>traceid</c> header, kept only when it is a short token of safe characters (it is echoed
    /// into messages), with the API key masked: the one place a trace id is read and redacted.
    /// </summary>
    private static string? TraceIdOf(HttpResponseMessage response, MemOSCall call)
    {
        // Read unparsed and without LINQ: this runs on every answer.
        if (!response.Headers.NonValidated.TryGetValues("traceid", out var values))
        {
            return null;
        }

        string? value = null;
        foreach (var first in values)
        {
            value = first;
            break;
        }

        var safe = value is { Length: > 0 and <= 128 } && !value.AsSpan().ContainsAnyExcept(TraceIdChars);
        return safe ? call.Redactor?.Redact(value) ?? value : null;
    }
}
