using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using MemOS.Client.Server;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.Matchers.Request;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Sdk;

namespace MemOS.Client.Tests.Contract;

/// <summary>
/// A WireMock.Net server holding the wire contract: each mapping matches one exact request
/// (method, path, query, auth scheme and key, user agent, JSON body with key order ignored) and
/// answers with a documented body. A request that matches no mapping fails the test with
/// WireMock's own report of the closest mapping and which of its matchers failed.
/// </summary>
public sealed class ContractServer : IDisposable
{
    public const string ApiKey = "contract-key-0123456789abcdef";
    public const string CloudBasePath = "/api/openmem/v1";

    // What the mismatch report shows of a mapping: its path as title, and the body it expects.
    // The builders hand back the same instance through every With… call, so it is the key.
    private static readonly ConditionalWeakTable<IRequestBuilder, string> Titles = [];
    private static readonly ConditionalWeakTable<IRequestBuilder, string> ExpectedBodies = [];

    private readonly ConcurrentDictionary<Guid, string> _expectedBodyByMapping = new();

    private readonly WireMockServer _server = WireMockServer.Start();

    /// <summary>Every request the server received, in order.</summary>
    public IReadOnlyList<ILogEntry> LogEntries => [.. _server.LogEntries.OrderBy(entry => entry.RequestMessage?.DateTime)];

    /// <summary>
    /// A cloud client whose base URL carries the documented path prefix. Retry waits are tiny and
    /// run on a clock that jumps instead of sleeping, so a retried call costs no wall time.
    /// </summary>
    public MemOSClient CreateClient(int maxRetries = 2) => new(new MemOSClientOptions
    {
        ApiKey = ApiKey,
        BaseUrl = new Uri(_server.Url + CloudBasePath),
        TimeProvider = new AutoAdvancingTimeProvider(),
        Retry = FastRetry(maxRetries),
    });

    /// <summary>A self-hosted server client, whose routes sit at the server's root.</summary>
    public MemOSServerClient CreateServerClient(int maxRetries = 2) => new(new MemOSServerClientOptions
    {
        ApiKey = ApiKey,
        BaseUrl = new Uri(_server.Url + "/"),
        TimeProvider = new AutoAdvancingTimeProvider(),
        Retry = FastRetry(maxRetries),
    });

    /// <summary>A cloud <c>POST</c> of exactly this JSON body.</summary>
    public static IRequestBuilder CloudPost(string route, JsonNode body) => WithJson(Cloud(route).UsingPost(), body);

    /// <summary>A cloud <c>GET</c>; the test checks from the request log that it carried no body.</summary>
    public static IRequestBuilder CloudGet(string route) => Cloud(route).UsingGet();

    /// <summary>A self-hosted server <c>POST</c> of exactly this JSON body.</summary>
    public static IRequestBuilder ServerPost(string route, JsonNode body) => WithJson(Server(route).UsingPost(), body);

    /// <summary>A self-hosted server <c>GET</c>; the test checks from the request log that it carried no body.</summary>
    public static IRequestBuilder ServerGet(string route) => Server(route).UsingGet();

    /// <summary>The cloud route under the base path, with the cloud's <c>Token</c> scheme.</summary>
    public static IRequestBuilder Cloud(string route) => Signed(CloudBasePath + route, "Token ");

    /// <summary>Answers every request matching <paramref name="request"/> with this body.</summary>
    public void Answer(IRequestBuilder request, byte[] body, int status = 200, string contentType = "application/json", Action<IResponseBuilder>? decorate = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        decorate?.Invoke(response);
        var mapping = Guid.NewGuid();
        if (ExpectedBodies.TryGetValue(request, out var expected))
        {
            _expectedBodyByMapping[mapping] = expected;
        }

        _server.Given(request).WithGuid(mapping).WithTitle(Titles.TryGetValue(request, out var title) ? title : "(untitled)").RespondWith(response);
    }

    public void Answer(IRequestBuilder request, string body, int status = 200, string contentType = "application/json", Action<IResponseBuilder>? decorate = null)
        => Answer(request, Encoding.UTF8.GetBytes(body), status, contentType, decorate);

    /// <summary>Runs a call that must succeed; if a request it sent matched no mapping, WireMock's report is the failure.</summary>
    public async Task<T> Expect<T>(Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            ShouldHaveMatchedEveryRequest();
            return result;
        }
        catch (Exception exception) when (exception is not XunitException && Unmatched().Count > 0)
        {
            throw Mismatch(exception);
        }
    }

    /// <summary>Reads a whole stream that must succeed, with the same mismatch report as <see cref="Expect{T}"/>.</summary>
    public Task<List<T>> ExpectAll<T>(IAsyncEnumerable<T> stream) => Expect(() => stream.ToListAsync().AsTask());

    /// <summary>Runs a call that must fail with <typeparamref name="TException"/> after every request it sent matched a mapping.</summary>
    public async Task<TException> ExpectError<TException>(Func<Task> call)
        where TException : MemOSException
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            if (Unmatched().Count > 0)
            {
                throw Mismatch(exception);
            }

            return exception.Should().BeAssignableTo<TException>().Subject;
        }

        throw new XunitException($"Expected {typeof(TException).Name}, but the call succeeded.");
    }

    /// <summary>Fails with WireMock's mismatch report when any request matched no mapping.</summary>
    public void ShouldHaveMatchedEveryRequest()
    {
        if (Unmatched().Count > 0)
        {
            throw Mismatch(null);
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static MemOSRetryOptions FastRetry(int maxRetries) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        UseJitter = false,
        AttemptTimeout = Timeout.InfiniteTimeSpan,
    };

    private static IRequestBuilder Server(string route) => Signed(route, "Bearer ");

    private static IRequestBuilder Signed(string path, string scheme)
    {
        var request = Request.Create()
            .WithPath(new ExactMatcher(path))
            .WithHeader("Authorization", new ExactMatcher(scheme + ApiKey))
            .WithHeader("User-Agent", new RegexMatcher(@"^MemOS\.Client/\d"));
        Titles.AddOrUpdate(request, path);
        return request;
    }

    // JsonMatcher compares parsed values: objects by key whatever their order, every key on both
    // sides (a stray null or a missing field fails), arrays in order.
    private static IRequestBuilder WithJson(IRequestBuilder request, JsonNode body)
    {
        var json = body.ToJsonString();
        ExpectedBodies.AddOrUpdate(request, json);
        return request.WithHeader("Content-Type", new WildcardMatcher("application/json*")).WithBody(new JsonMatcher(json));
    }

    private List<ILogEntry> Unmatched() => [.. LogEntries.Where(entry => entry.MappingGuid is null || entry.RequestMatchResult?.IsPerfectMatch != true)];

    private XunitException Mismatch(Exception? thrown)
    {
        var report = new StringBuilder("A request matched no mapping of the contract.");
        foreach (var entry in Unmatched())
        {
            var request = entry.RequestMessage!;
            report.AppendLine().AppendLine().Append(CultureInfo.InvariantCulture, $"Request: {request.Method} {request.Url}");
            foreach (var header in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            {
                var value = header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? Redact(header.Value.ToString()) : header.Value.ToString();
                report.AppendLine().Append(CultureInfo.InvariantCulture, $"  {header.Key}: {value}");
            }

            report.AppendLine().Append(CultureInfo.InvariantCulture, $"  Body: {request.Body}");
            report.AppendLine().Append(CultureInfo.InvariantCulture, $"Closest mapping: {entry.PartialMappingTitle ?? "(none)"} ({entry.PartialMappingGuid})");
            AppendDetails(report, entry.PartialMatchResult?.MatchDetails, "  ");
            if (entry.PartialMappingGuid is { } closest && _expectedBodyByMapping.TryGetValue(closest, out var expected))
            {
                report.AppendLine().Append(CultureInfo.InvariantCulture, $"  Expected body: {expected}");
            }
        }

        if (thrown is not null)
        {
            report.AppendLine().AppendLine().Append(CultureInfo.InvariantCulture, $"The SDK then threw {thrown.GetType().Name}: {thrown.Message}");
        }

        return new XunitException(report.ToString());
    }

    private static void AppendDetails(StringBuilder report, IEnumerable<MatchDetail>? details, string indent)
    {
        foreach (var detail in details ?? [])
        {
            var verdict = detail.Score >= MatchScores.Perfect ? "matched" : "DID NOT MATCH";
            report.AppendLine().Append(CultureInfo.InvariantCulture, $"{indent}{detail.Name ?? detail.MatcherType}: {verdict} (score {detail.Score})");
            if (detail.Exception is not null)
            {
                report.Append(CultureInfo.InvariantCulture, $" {detail.Exception.Message}");
            }

            AppendDetails(report, detail.MatchDetails, indent + "  ");
        }
    }

    // The report may be printed in CI logs: it shows the scheme and whether the key was right, never the key.
    private static string Redact(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? string.Empty : authorization[..(space + 1)];
        return scheme + (authorization.EndsWith(ApiKey, StringComparison.Ordinal) ? "<the test key>" : "<another key>");
    }
}
