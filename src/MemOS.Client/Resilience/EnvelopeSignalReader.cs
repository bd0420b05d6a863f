using System.Buffers;
using System.Text.Json;
using MemOS.Client.Transport;

namespace MemOS.Client.Resilience;

/// <summary>
/// Buffers a JSON answer (up to a limit) and reads its top-level <c>code</c> and
/// <c>retry_after</c>, because MemOS reports rate limits inside HTTP 200. The buffered body
/// still reaches the transport whole.
/// </summary>
internal static class EnvelopeSignalReader
{
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    public static async Task<EnvelopeSignals> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        // An unlabelled body may still be an envelope; the transport reads it as one too.
        if (content.Headers.ContentType is not null && !MemOSTransport.IsJson(response))
        {
            return default;
        }

        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw TooLarge(response);
        }

        try
        {
#if NET9_0_OR_GREATER
            await content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false);
#else
            // Before .NET 9 buffering takes no token: disposing the response is what stops a stalled
            // body, and the failure that causes is reported as the cancellation it is.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
                {
                    await content.LoadIntoBufferAsync(MaxBodyBytes).ConfigureAwait(false);
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
#endif
        }
        catch (HttpRequestException exception) when (exception.InnerException is null)
        {
            // Thrown by the buffer limit itself, not by the network.
            throw TooLarge(response, exception);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var length = (int)stream.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            stream.ReadExactly(buffer, 0, length);
            stream.Position = 0;
            return Scan(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static EnvelopeSignals Scan(ReadOnlySpan<byte> json)
    {
        int? code = null;
        double? retryAfter = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                var isRetryAfter = !isCode && reader.ValueTextEquals("retry_after"u8);
                reader.Read();
                if ((isCode || isRetryAfter) && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
                {
                    if (isCode)
                    {
                        code = (int)number;

                        // A success envelope carries nothing else the handler acts on: its data,
                        // the bulk of the body, is left for the transport to read once.
                        if (code is 0 or 200)
                        {
                            break;
                        }
                    }
                    else
                    {
                        retryAfter = number;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // A malformed body is the transport's to report; there is simply no code to act on.
        }

        return new(code, retryAfter);
    }

    private static MemOSException TooLarge(HttpResponseMessage response, Exception? inner = null)
    {
        var status = response.StatusCode;
        response.Dispose();
        return MemOSErrorFactory.InvalidResponse(
            response.RequestMessage is { } request ? MemOSOperation.For(request).Name : "request",
            $"the body is larger than the {MaxBodyBytes / (1024 * 1024)} MB the SDK buffers",
            status,
            traceId: null,
            inner);
    }
}
