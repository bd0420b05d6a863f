using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// Debian's nginx as the out-of-process server: one worker process, on 127.0.0.1, serving
/// <see cref="ServedAnswers.Files"/> from a temporary directory it is configured in. It is killed,
/// and the directory removed, when disposed, when the process exits, and on Ctrl-C or another
/// terminating signal (it is not killed if this process is killed outright).
/// </summary>
internal sealed class NginxServer : IDisposable
{
    /// <summary>nginx's own counters (connections accepted), to show that clients keep their connections.</summary>
    private const string StatusPath = "/nginx-status";

    private readonly Process _process;
    private readonly string _directory;
    private readonly PosixSignalRegistration[] _signals;
    private readonly Lock _stopping = new();
    private bool _stopped;

    private NginxServer(Process process, string directory, Uri root)
    {
        _process = process;
        _directory = directory;
        Root = root;
        AppDomain.CurrentDomain.ProcessExit += OnExit;

        // The runtime ends the process on these without raising ProcessExit; the default action still follows.
        _signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => Stop()))];
    }

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The nginx version line, for the report.</summary>
    public string Version { get; private init; } = string.Empty;

    public static async Task<NginxServer> StartAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "nginx is not installed: the served benchmark needs Debian's nginx as its server. Install it with `apt-get install nginx` (or run `bash .ci/served`, which does).");
        var version = await VersionOf(executable);

        // A free port can be taken by someone else between asking and nginx binding it: try again then.
        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("memos-served-").FullName;
            var port = FreePort();
            WriteSite(directory, port);
            var process = Process.Start(new ProcessStartInfo(executable)
            {
                // Its messages go to the error log (-e, before the configuration is read); the console is inherited, never a pipe that could fill.
                ArgumentList = { "-p", directory + "/", "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log") },
                UseShellExecute = false,
            })!;
            var server = new NginxServer(process, directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/")) { Version = version };
            if (await server.WaitUntilListeningAsync())
            {
                return server;
            }

            var log = server.ErrorLog();
            server.Dispose();
            if (attempt == 3 || !log.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"nginx did not start; its error log says:{Environment.NewLine}{(log.Length > 0 ? log : "(nothing)")}");
            }
        }
    }

    /// <summary>Connections the nginx at <paramref name="root"/> has accepted so far.</summary>
    public static async Task<long> AcceptedConnectionsAsync(HttpClient http, Uri root)
    {
        // "Active connections: 1 \nserver accepts handled requests\n 5 5 12 \n…": accepts is the first number of the third line.
        var status = await http.GetStringAsync(new Uri(root, StatusPath));
        var counters = status.Split('\n')[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(counters[0], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        Stop();
        _process.Dispose();
    }

    /// <summary>
    /// Kills nginx and removes its directory, once. A signal's handler may be doing it while the
    /// main thread, its calls failing, disposes: the second caller waits for the first to finish.
    /// </summary>
    private void Stop()
    {
        lock (_stopping)
        {
            if (!_stopped)
            {
                _stopped = true;
                Kill();
            }
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        // Until it has exited it may still write in its directory (its pid file goes last).
        _process.WaitForExit(5_000);

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory; nothing depends on it.
        }
    }

    private static string? Find()
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, "nginx"))
            .FirstOrDefault(File.Exists);

    private static async Task<string> VersionOf(string executable)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, "-v") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var line = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return line.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The fixtures as files, and a configuration that serves them to POST. nginx's static module
    /// answers POST with 405; <c>error_page 405 =200 $uri</c> turns that into an internal GET of the
    /// same file, answered 200 with the location's content type, after the request body was read
    /// and discarded. The bytes received are checked against the fixtures before anything is measured.
    /// </summary>
    private static void WriteSite(string directory, int port)
    {
        var www = Path.Combine(directory, "www");
        foreach (var (path, body, _) in ServedAnswers.Files)
        {
            var file = Path.Combine(www, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, body);
        }

        var locations = string.Concat(ServedAnswers.Files.Select(file => $$"""
                    location = {{file.Path}} {
                        default_type {{file.ContentType}};
                    }

            """));
        var temp = Directory.CreateDirectory(Path.Combine(directory, "temp")).FullName;
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            # Written by the MemOS.Client served benchmark (tests/MemOS.Client.Benchmarks/Served/NginxServer.cs).
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;

            events {
                worker_connections 1024;
            }

            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                client_body_buffer_size 64k;
                keepalive_requests 1000000;
                keepalive_timeout 3600s;
                sendfile on;
                tcp_nopush off;
                tcp_nodelay on;
                etag off;
                types { }

                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    root {{directory}}/www;
                    error_page 405 =200 $uri;

            {{locations}}
                    location = {{StatusPath}} {
                        stub_status;
                    }

                    location / {
                        return 404;
                    }
                }
            }

            """);
    }

    private async Task<bool> WaitUntilListeningAsync()
    {
        var port = Root.Port;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        return false;
    }

    /// <summary>What nginx logged at warning level or above; empty when all went well.</summary>
    public string ErrorLog()
    {
        var path = Path.Combine(_directory, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    private void OnExit(object? sender, EventArgs e) => Stop();
}
