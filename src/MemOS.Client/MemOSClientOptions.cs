using MemOS.Client.Transport;

namespace MemOS.Client;

/// <summary>
/// Settings of a <see cref="MemOSClient"/>. Bind them from configuration (section <c>MemOS</c>
/// by convention) or set them in code; <see cref="FromEnvironment"/> reads the environment
/// variables the official clients use.
/// </summary>
public sealed class MemOSClientOptions : IMemOSTransportOptions
{
    private List<string>? _configurationErrors;
    private SettingPath? _configurationPath;
    private readonly Dictionary<string, string> _fromVariables = [];

    /// <summary>The China endpoint of the MemOS cloud.</summary>
    public const string ChinaBaseUrl = "https://memos.memtensor.cn/api/openmem/v1";

    /// <summary>The global endpoint of the MemOS cloud.</summary>
    public const string GlobalBaseUrl = "https://api.memt.ai/platform/api/openmem/v1";

    /// <summary>
    /// The project API key, sent as <c>Authorization: Token &lt;key&gt;</c>. A key that already
    /// starts with <c>Token </c> or <c>Bearer </c> is sent as given.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The cloud region to call when <see cref="BaseUrl"/> is not set.</summary>
    public MemOSRegion Region { get; set; } = MemOSRegion.China;

    /// <summary>
    /// The API root, for a proxy, a private deployment or the local emulator; overrides
    /// <see cref="Region"/>. Must be absolute; plain <c>http</c> is accepted only for loopback
    /// hosts unless <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Allows plain <c>http</c> to a non-loopback host, which sends the API key unencrypted. Off by default.
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
    /// Whether a cloud chat stream that closes without its <c>end</c> event (or <c>[DONE]</c>)
    /// is an error. The cloud documents the marker, so a stream without it is taken as cut off.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool RequireStreamEndMarker { get; set; } = true;

    /// <summary>
    /// Your application's id, put before the SDK's own in each request's <c>User-Agent</c>
    /// (<c>MyApp/1.2 MemOS.Client/0.1.0 (...)</c>), so the service's logs can tell your calls
    /// apart. Letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>, with at most one <c>/</c> before a
    /// version; up to 64 characters. None when null.
    /// </summary>
    public string? UserAgentApplicationId { get; set; }

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

    /// <summary>
    /// A rate budget for this API key: every attempt (retries included) takes a permit before it is
    /// sent, waiting for one within <see cref="Timeout"/> and the call's cancellation token; a permit
    /// refused (the limiter's queue is full) fails the call with a <see cref="MemOSRateLimitException"/>
    /// whose <see cref="MemOSRateLimitException.RefusedLocally"/> is set. When the service answers a
    /// rate limit with a wait, every client sharing the limiter waits it out, then resumes at the
    /// limiter's rate. Share one limiter between the clients of one key, e.g. a
    /// <see cref="System.Threading.RateLimiting.TokenBucketRateLimiter"/>; for many processes, use the
    /// Redis budget of the <c>MemOS.Client.Redis</c> package. None when null (the default).
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; }

    /// <summary>
    /// Where retries are logged (one line each: operation, attempt, delay, code). Nothing is logged when null.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock retry delays run on; the system clock when null. Tests pass a fake one.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Reads <c>MEMOS_API_KEY</c>, <c>MEMOS_BASE_URL</c> and <c>MEMOS_IS_GLOBAL</c>, the
    /// variables of the official MemOS clients.
    /// </summary>
    public static MemOSClientOptions FromEnvironment()
    {
        var options = new MemOSClientOptions();
        options.ApplyEnvironmentDefaults();
        return options;
    }

    /// <summary>The API root this configuration calls: <see cref="BaseUrl"/>, or the region's endpoint.</summary>
    public Uri ResolveBaseUrl()
        => BaseUrl ?? new Uri(Region == MemOSRegion.Global ? GlobalBaseUrl : ChinaBaseUrl);

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, when there is one.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message lists each
    /// one.</exception>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MemOS client options: " + string.Join(" ", errors));
        }
    }

    /// <summary>Fills what is not set from the environment; explicit settings win.</summary>
    /// <param name="variable">Reads a variable; the process environment when null (the memos tool passes its own, for
    /// its tests).</param>
    internal void ApplyEnvironmentDefaults(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            ApiKey = variable("MEMOS_API_KEY");
            FromVariable(nameof(ApiKey), "MEMOS_API_KEY", ApiKey);
        }

        if (BaseUrl is null)
        {
            var baseUrl = variable("MEMOS_BASE_URL");
            if (!string.IsNullOrWhiteSpace(baseUrl))
            {
                // A malformed value is kept as a relative URI so validation reports it.
                BaseUrl = new Uri(baseUrl.Trim(), UriKind.RelativeOrAbsolute);
                FromVariable(nameof(BaseUrl), "MEMOS_BASE_URL", baseUrl);
            }
            else if (IsTrue(variable("MEMOS_IS_GLOBAL")))
            {
                Region = MemOSRegion.Global;
            }
        }
    }

    static IReadOnlyList<ConfigurationSetting> IMemOSTransportOptions.Settings { get; } =
    [
        new(nameof(ApiKey), SettingKind.Other),
        new(nameof(Region), SettingKind.Region),
        new(nameof(BaseUrl), SettingKind.Other),
        new(nameof(AllowInsecureHttp), SettingKind.Boolean),
        new(nameof(Timeout), SettingKind.TimeSpan),
        new(nameof(StreamIdleTimeout), SettingKind.TimeSpan),
        new(nameof(MaxStreamEventBytes), SettingKind.Integer),
        new(nameof(RequireStreamEndMarker), SettingKind.Boolean),
        new(nameof(UserAgentApplicationId), SettingKind.Other),
        new(nameof(CaptureMessageContent), SettingKind.Boolean),
        new(nameof(Retry), SettingKind.Section, ConfigurationSetting.Retry),
    ];

    List<string>? IMemOSTransportOptions.ConfigurationErrors { get => _configurationErrors; set
        => _configurationErrors = value; }

    SettingPath? IMemOSTransportOptions.ConfigurationPath { get => _configurationPath; set
        => _configurationPath = value; }

    List<string> IMemOSTransportOptions.GetValidationErrors() => GetValidationErrors();

    Uri? IMemOSTransportOptions.ApiRoot() => ResolveBaseUrl();

    internal List<string> GetValidationErrors()
    {
        var path = (_configurationPath ?? SettingPath.InCode(nameof(MemOSClientOptions))).WithVariables(_fromVariables);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add(path.MissingSection is { } section
                ? $"{path["ApiKey"]} is missing, and so is the whole configuration section '{section}' (check the "
                    + $"section's name in your configuration and in GetSection): set {path["ApiKey"]}, or the "
                    + "MEMOS_API_KEY environment variable."
                : $"{path["ApiKey"]} is missing: set it, or the MEMOS_API_KEY environment variable, to your MemOS "
                    + "project's API key.");
        }

        OptionChecks.ApiKeyCharacters(ApiKey, path, errors);
        if (BaseUrl is { } url)
        {
            OptionChecks.BaseUrl(url, AllowInsecureHttp, ChinaBaseUrl, path, errors);
        }

        if (!Enum.IsDefined(Region))
        {
            errors.Add($"{path["Region"]} is '{Region}', which is not a MemOS region: use "
                + $"{string.Join(" or ", Enum.GetNames<MemOSRegion>())}.");
        }

        OptionChecks.Timeouts(Timeout, StreamIdleTimeout, Retry, path, errors);
        OptionChecks.MaxStreamEventBytes(MaxStreamEventBytes, path, errors);
        if (UserAgentApplicationId is { } applicationId && !UserAgent.IsValidApplicationId(applicationId))
        {
            errors.Add($"{path["UserAgentApplicationId"]} is '{applicationId}', which is not a User-Agent product "
                + "token: use up to 64 letters, digits and !#$%&'*+-.^_`|~, optionally followed by /version (e.g. "
                + "MyApp/1.2).");
        }

        return errors;
    }


    // A message about a value that came from a variable names the variable, where the user will look for it.
    private void FromVariable(string setting, string variable, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _fromVariables[setting] = variable;
        }
    }

    private static bool IsTrue(string? value)
        => value is not null && (value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) || value.Trim() == "1"
            || value.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase));
}
