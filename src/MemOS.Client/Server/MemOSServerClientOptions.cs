using MemOS.Client.Transport;

namespace MemOS.Client.Server;

/// <summary>
/// Settings of a <see cref="MemOSServerClient"/> for a self-hosted MemOS server. Bind them from
/// configuration (section <c>MemOSServer</c> by convention) or set them in code.
/// </summary>
public sealed class MemOSServerClientOptions : IMemOSTransportOptions
{
    private List<string>? _configurationErrors;
    private SettingPath? _configurationPath;

    /// <summary>
    /// The server's root, under which its <c>/product/*</c> routes live, such as
    /// <c>http://localhost:8001</c> (with any path prefix a reverse proxy adds). Required. Plain
    /// <c>http</c> is accepted only for loopback hosts unless <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The API key of a server with authentication enabled, sent as
    /// <c>Authorization: Bearer &lt;key&gt;</c>; a key that already starts with <c>Bearer </c> or
    /// <c>Token </c> is sent as given. Leave null for a server without authentication.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Allows plain <c>http</c> to a non-loopback host, which sends requests and any API key unencrypted. Off by
    /// default.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The longest a non-streaming call may take, and the longest a streaming call may wait for
    /// the response to start. Default 100 seconds (chat answers can be long).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The longest a streamed answer may send nothing before it is abandoned with
    /// <see cref="MemOSTimeoutException"/>. Any bytes count (an event, part of one, or a keep-alive
    /// comment), and time your code spends between events does not. Default 60 seconds.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most data one streamed event may carry, in bytes; a larger event ends the stream with
    /// <see cref="MemOSStreamException"/> instead of being buffered. Default 4 MB (4,194,304 bytes).
    /// </summary>
    public int MaxStreamEventBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Whether traces may carry what you send and what the service answers: search queries
    /// (<c>gen_ai.memory.query.text</c>), memory records (<c>gen_ai.memory.records</c>) and chat
    /// messages (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>). When null (the
    /// default), the OpenTelemetry variable <c>OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true</c>
    /// turns it on; otherwise it is off, and spans carry ids, counts and codes only. Such text is often
    /// personal data: turn it on only where your traces may hold it.
    /// </summary>
    public bool? CaptureMessageContent { get; set; }

    /// <summary>Retries, backoff and per-attempt timeouts; see <see cref="MemOSRetryOptions"/>.</summary>
    public MemOSRetryOptions Retry { get; set; } = new();

    /// <summary>Where retries are logged. Nothing is logged when null.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock retry delays run on; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, when there is one.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message lists each
    /// one.</exception>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MemOS server client options: " + string.Join(" ", errors));
        }
    }

    static IReadOnlyList<ConfigurationSetting> IMemOSTransportOptions.Settings { get; } =
    [
        new(nameof(BaseUrl), SettingKind.Other),
        new(nameof(ApiKey), SettingKind.Other),
        new(nameof(AllowInsecureHttp), SettingKind.Boolean),
        new(nameof(Timeout), SettingKind.TimeSpan),
        new(nameof(StreamIdleTimeout), SettingKind.TimeSpan),
        new(nameof(MaxStreamEventBytes), SettingKind.Integer),
        new(nameof(CaptureMessageContent), SettingKind.Boolean),
        new(nameof(Retry), SettingKind.Section, ConfigurationSetting.Retry),
    ];

    List<string>? IMemOSTransportOptions.ConfigurationErrors
    {
        get => _configurationErrors;
        set => _configurationErrors = value;
    }

    SettingPath? IMemOSTransportOptions.ConfigurationPath
    {
        get => _configurationPath;
        set => _configurationPath = value;
    }

    List<string> IMemOSTransportOptions.GetValidationErrors() => GetValidationErrors();

    Uri? IMemOSTransportOptions.ApiRoot() => BaseUrl;

    internal List<string> GetValidationErrors()
    {
        var path = _configurationPath ?? SettingPath.InCode(nameof(MemOSServerClientOptions));
        var errors = new List<string>();
        if (BaseUrl is not { } url)
        {
            errors.Add(path.MissingSection is { } section
                ? $"{path["BaseUrl"]} is missing, and so is the whole configuration section '{section}' (check the "
                    + $"section's name in your configuration and in GetSection): set {path["BaseUrl"]} to the server's "
                    + "root, such as http://localhost:8001."
                : $"{path["BaseUrl"]} is missing: set it to the server's root, such as http://localhost:8001.");
        }
        else
        {
            OptionChecks.BaseUrl(url, AllowInsecureHttp, "http://localhost:8001", path, errors);
        }

        OptionChecks.ApiKeyCharacters(ApiKey, path, errors);
        OptionChecks.Timeouts(Timeout, StreamIdleTimeout, Retry, path, errors);
        OptionChecks.MaxStreamEventBytes(MaxStreamEventBytes, path, errors);
        return errors;
    }

}
