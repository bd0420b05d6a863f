using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MemOS.Client.Redis.Tests.Infrastructure;

/// <summary>
/// A real redis-server on 127.0.0.1 and a free port, without persistence, stopped on dispose. It
/// fails the test (never skips it) when the binary is missing: CI installs Debian's redis-server
/// first, and a developer runs <c>apt-get install redis-server</c> (or sets MEMOS_REDIS_SERVER to one).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string that lets the app start and go on while this server is down.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000";

    public static async Task<RedisServer> StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("MEMOS_REDIS_SERVER") is { Length: > 0 } configured ? configured : "redis-server";
        var port = FreePort();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The Redis tests need a real redis-server and could not start '{binary}' ({exception.Message}). Install it (Debian/Ubuntu: apt-get install redis-server) or set MEMOS_REDIS_SERVER to its path.",
                exception);
        }

        // Drained so that a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Configuration);

    /// <summary>Stops the server the hard way, as a crash or a lost node would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(20);
            }
        }
    }
}
