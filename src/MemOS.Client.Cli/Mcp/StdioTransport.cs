using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// MCP over standard input and output, one JSON-RPC message a line. Unlike the SDK's stream transport,
/// it answers every request read before the end of input before it reports the session over (so
/// <c>printf … | memos mcp</c> prints its answers and a last write is confirmed), and it answers a line
/// that is not JSON with -32700 and JSON that is not a message with -32600, as JSON-RPC asks.
/// </summary>
internal sealed class StdioTransport : TransportBase
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly StreamReader _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<RequestId, byte> _unanswered = new();
    private readonly Task _reading;
    private int _inputEnded;

    public StdioTransport(Stream input, Stream output)
        : base("memos (stdio)", null)
    {
        _input = new StreamReader(input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _output = output;
        SetConnected();
        _reading = Task.Run(ReadAsync);
    }

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        if (!IsConnected)
        {
            return;
        }

        var line = JsonSerializer.SerializeToUtf8Bytes(
            message,
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)));
        await WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        if (message is JsonRpcResponse or JsonRpcError)
        {
            _unanswered.TryRemove(((JsonRpcMessageWithId)message).Id, out _);
            EndIfAnswered();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // A read blocked in the operating system wakes only when its handle closes.
        _input.Dispose();
        try
        {
            await _reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        SetDisconnected();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        Exception? failure = null;
        try
        {
            while (await _input.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (await ParseAsync(line).ConfigureAwait(false) is not { } message)
                {
                    continue;
                }

                switch (message)
                {
                    case JsonRpcRequest request:
                        _unanswered.TryAdd(request.Id, 0);
                        break;
                    case JsonRpcNotification { Method: NotificationMethods.CancelledNotification } cancelled
                        when cancelled.Params?.Deserialize(
                            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CancelledNotificationParams)))
                            is CancelledNotificationParams { RequestId: var id }:
                        // A cancelled request gets no answer (MCP): nothing more to wait for.
                        _unanswered.TryRemove(id, out _);
                        break;
                }

                await WriteMessageAsync(message, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            failure = error;
        }

        Volatile.Write(ref _inputEnded, 1);
        if (failure is not null)
        {
            SetDisconnected(failure);
        }
        else
        {
            EndIfAnswered();
        }
    }

    /// <summary>The message on a line, or null once the line has been answered with a JSON-RPC error.</summary>
    private async Task<JsonRpcMessage?> ParseAsync(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(
                line,
                McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) as JsonRpcMessage
                ?? throw new JsonException("null is not a message");
        }
        catch (JsonException)
        {
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(line);
            }
            catch (JsonException)
            {
                await ErrorAsync(null, -32700, "Parse error: the line is not JSON; send one JSON-RPC message a line.")
                    .ConfigureAwait(false);
                return null;
            }

            var id = json is JsonObject item && item["id"] is JsonValue value
                && (value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number) ? value : null;
            await ErrorAsync(
                id?.DeepClone(),
                -32600,
                "Invalid Request: the line is JSON but not a JSON-RPC 2.0 message.").ConfigureAwait(false);
            return null;
        }
    }

    private async Task ErrorAsync(JsonNode? id, int code, string message)
    {
        var error = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        };
        try
        {
            await WriteLineAsync(Encoding.UTF8.GetBytes(error.ToJsonString()), _stop.Token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client is gone; the read loop ends with the input.
        }
    }

    private async Task WriteLineAsync(byte[] json, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(json, cancellationToken).ConfigureAwait(false);
            await _output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            SetDisconnected(error);
            throw new IOException("The MCP client closed standard output.", error);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Ends the session once the input has ended and every request read from it has been answered.</summary>
    private void EndIfAnswered()
    {
        if (Volatile.Read(ref _inputEnded) == 1 && _unanswered.IsEmpty)
        {
            SetDisconnected();
        }
    }
}
