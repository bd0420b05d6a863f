using System.Net;
using System.Text.Json;
using MemOS.Client.Api;
using MemOS.Client.Errors;
using Polly.RateLimiting;
using Polly.Timeout;

namespace MemOS.Client.Tests.Errors;

/// <summary>
/// The rulebook's decisions as tables: each answer kind and each exception kind, on a route that
/// may be repeated and on a write, with the ruling it gets; and each exception kind with the
/// exception the caller then sees, whose flags must be the same row's.
/// </summary>
public sealed class RulebookTests
{
    private static readonly RouteFacts Read = CloudCalls.SearchMemory.Route;
    private static readonly RouteFacts Write = CloudCalls.AddMessage.Route;

    public static TheoryData<string, bool, bool, bool, bool> AnswerRows() => new()
    {
        // Status (and code), transient, proves not processed, a read may repeat now, a write may repeat now.
        { "400", false, true, false, false },
        { "401", false, true, false, false },
        { "404", false, true, false, false },
        { "408", true, false, true, false },
        { "413", false, true, false, false },
        { "414", false, true, false, false },
        { "422", false, true, false, false },
        { "429", true, true, true, true },
        { "500", true, false, true, false },
        { "503", true, false, true, false },
        { "302", false, false, false, false },
        { "418", false, false, false, false },
        { "code 40300", true, true, true, true },
        { "code 40301", false, true, false, false },
        { "code 40000", false, true, false, false },
        { "code 50000 internal", true, false, true, false },
        { "code 50000", false, true, false, false },
        { "code 50103", false, true, false, false },
        { "code 59999", true, false, true, false },
        { "code 12345", false, false, false, false },
        { "unreadable 200", false, false, false, false },
        { "unreadable 502", true, false, true, false },
        { "data reports failure", false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(AnswerRows))]
    public void Each_answer_kind_has_one_ruling_read_by_the_exception_too(string answer, bool transient, bool notProcessed, bool readRetries, bool writeRetries)
    {
        var verdict = Verdict(answer);

        var onRead = Rulebook.Judge(verdict, Read);
        var onWrite = Rulebook.Judge(verdict, Write);

        onRead.Should().Be(new Ruling(Failed: true, transient, notProcessed, readRetries));
        onWrite.Should().Be(new Ruling(Failed: true, transient, notProcessed, writeRetries));

        var exception = MemOSErrorFactory.FromVerdict(Write.Name, verdict, new SecretRedactor(null)).ForWrite();
        exception.IsTransient.Should().Be(transient, "the exception reads the same row as the ruling");
        exception.WriteMayHaveBeenApplied.Should().Be(!notProcessed);
    }

    [Fact]
    public void A_wait_past_the_clamp_is_never_waited_for()
    {
        var verdict = WithWait(Verdict("429"), TimeSpan.FromMinutes(5));

        Rulebook.Judge(verdict, Read, maxRetryAfter: TimeSpan.FromSeconds(30)).MayRetry.Should().BeFalse();
        Rulebook.Judge(verdict, Read, maxRetryAfter: TimeSpan.FromMinutes(10)).MayRetry.Should().BeTrue();
    }

    public static TheoryData<string, bool, bool, bool, bool, Type?> ExceptionRows() => new()
    {
        // Exception, transient, proves not processed, a read may repeat now, a write may repeat now, what the caller sees.
        { "connection refused", true, true, true, true, typeof(MemOSConnectionException) },
        { "name not resolved", true, true, true, true, typeof(MemOSConnectionException) },
        { "answer ended", true, false, true, false, typeof(MemOSConnectionException) },
        { "io", true, false, true, false, typeof(MemOSConnectionException) },
        { "attempt timeout", true, false, true, false, typeof(MemOSTimeoutException) },
        { "call timeout", true, false, false, false, typeof(MemOSTimeoutException) },
        { "httpclient timeout", true, false, false, false, typeof(MemOSTimeoutException) },
        { "budget refused", true, true, false, false, typeof(MemOSRateLimitException) },
        { "json", false, false, false, false, typeof(MemOSException) },
        { "other", false, false, false, false, null },
    };

    [Theory]
    [MemberData(nameof(ExceptionRows))]
    public void Each_exception_kind_has_one_row_read_by_the_rulebook_and_the_exception(
        string kind, bool transient, bool notProcessed, bool readRetries, bool writeRetries, Type? becomes)
    {
        var exception = Exception(kind);

        Rulebook.Judge(exception, Read, CancellationToken.None).Should().Be(new Ruling(Failed: true, transient, notProcessed, readRetries));
        Rulebook.Judge(exception, Write, CancellationToken.None).Should().Be(new Ruling(Failed: true, transient, notProcessed, writeRetries));

        var seen = Rulebook.ExceptionFor(exception, new FailureContext(Write, "example.test", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), false, CancellationToken.None));
        if (becomes is null)
        {
            seen.Should().BeSameAs(exception, "an exception the table does not know is not dressed up as a MemOS failure");
            return;
        }

        seen.Should().BeOfType(becomes);
        var failure = (MemOSException)seen;
        failure.IsTransient.Should().Be(transient);
        failure.WriteMayHaveBeenApplied.Should().Be(!notProcessed);
        var judgedAgain = Rulebook.Judge(failure, Write, CancellationToken.None);
        (judgedAgain.IsTransient, judgedAgain.ProvesNotProcessed).Should().Be((transient, notProcessed), "the exception carries the same row");
    }

    [Fact]
    public void The_callers_cancellation_is_never_a_failure_to_repeat_or_rename()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var exception = new OperationCanceledException(cancelled.Token);

        Rulebook.Judge(exception, Read, cancelled.Token).Should().Be(Ruling.Stopped);
        Rulebook.ExceptionFor(exception, new FailureContext(Read, "example.test", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), false, cancelled.Token))
            .Should().BeSameAs(exception);
    }

    private static ResponseVerdict Verdict(string answer)
    {
        var parts = answer.Split(' ');
        return parts[0] switch
        {
            "code" => Failure(HttpStatusCode.OK, ErrorCatalog.Describe(Int(parts[1]), parts.Length > 2 ? "boom" : null), Int(parts[1])),
            "unreadable" => new ResponseVerdict
            {
                Kind = VerdictKind.Failure,
                Status = (HttpStatusCode)Int(parts[1]),
                Error = ErrorCatalog.Unreadable(Int(parts[1])),
                Problem = "it is an HTML page",
            },
            "data" => new ResponseVerdict
            {
                Kind = VerdictKind.Failure,
                Status = HttpStatusCode.OK,
                Code = 0,
                Error = ErrorCatalog.FailedOutcome,
                DataFailure = "the data reports failure",
            },
            _ => Failure((HttpStatusCode)Int(parts[0]), ErrorCatalog.DescribeHttp(Int(parts[0])), code: null),
        };
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static ResponseVerdict Failure(HttpStatusCode status, ErrorInfo error, int? code)
        => new() { Kind = VerdictKind.Failure, Status = status, Error = error, Code = code };

    private static ResponseVerdict WithWait(ResponseVerdict verdict, TimeSpan wait)
        => new() { Kind = verdict.Kind, Status = verdict.Status, Error = verdict.Error, Code = verdict.Code, RetryAfter = wait };

    private static Exception Exception(string kind) => kind switch
    {
        "connection refused" => new HttpRequestException(HttpRequestError.ConnectionError, "refused"),
        "name not resolved" => new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"),
        "answer ended" => new HttpRequestException(HttpRequestError.ResponseEnded, "ended"),
        "io" => new IOException("reset"),
        "attempt timeout" => new TimeoutRejectedException(),
        "call timeout" => new OperationCanceledException(),
        "httpclient timeout" => new TaskCanceledException("timeout", new TimeoutException()),
        "budget refused" => new RateLimiterRejectedException(),
        "json" => new JsonException("not a list"),
        _ => new InvalidOperationException("something else"),
    };
}
