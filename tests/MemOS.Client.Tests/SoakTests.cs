using System.Collections.Concurrent;
using System.Globalization;
using MemOS.Client.Messages;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// Many writes against a server that injects faults at random, some before and some after it
/// applies the write. Whatever the client reports must match what the server applied: no write
/// twice, every reported success exactly once, every "certainly not applied" failure never.
/// The size comes from MEMOS_SOAK_WRITES (small by default, for CI).
/// </summary>
public sealed class SoakTests
{
    private enum Fault
    {
        None,
        RateLimitedBeforeApply,
        TokenWindowBeforeApply,
        ResetBeforeApply,
        ServerErrorAfterApply,
        TransientCodeAfterApply,
        ResetAfterApply,
    }

    [Fact]
    public async Task Random_faults_never_duplicate_or_lose_a_reported_write()
    {
        var writes = int.TryParse(Environment.GetEnvironmentVariable("MEMOS_SOAK_WRITES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 300;
        var random = new Random(20261121);
        var gate = new object();
        var applied = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Fault fault;
            lock (gate)
            {
                fault = (Fault)random.Next(Enum.GetValues<Fault>().Length);
            }

            switch (fault)
            {
                case Fault.RateLimitedBeforeApply:
                    context.Response.Headers.RetryAfter = "1";
                    await Respond.Text(context, """{"detail":"slow down"}""", StatusCodes.Status429TooManyRequests);
                    return;
                case Fault.TokenWindowBeforeApply:
                    await Respond.Text(context, """{"code":40309,"message":"token window exceeded"}""");
                    return;
                case Fault.ResetBeforeApply:
                    context.Abort();
                    return;
            }

            var id = System.Text.Json.Nodes.JsonNode.Parse(LoopbackServer.Body(context))!["messages"]![0]!["content"]!.GetValue<string>();
            applied.AddOrUpdate(id, 1, (_, count) => count + 1);
            switch (fault)
            {
                case Fault.ServerErrorAfterApply:
                    await Respond.Text(context, """{"code":500,"message":"boom"}""", StatusCodes.Status500InternalServerError);
                    break;
                case Fault.TransientCodeAfterApply:
                    await Respond.Text(context, """{"code":50004,"message":"memory service unavailable"}""");
                    break;
                case Fault.ResetAfterApply:
                    context.Abort();
                    break;
                default:
                    await Respond.Bytes(context, Fixture.Bytes("add_message.response.json"));
                    break;
            }
        });
        using var client = server.CreateClient();

        var reported = new Dictionary<string, MemOSException?>(StringComparer.Ordinal);
        for (var i = 0; i < writes; i++)
        {
            var id = $"write-{i}";
            try
            {
                await client.AddMessageAsync("u", "c", [MemOSMessage.User(id)]).WaitAsync(TimeSpan.FromSeconds(15));
                reported[id] = null;
            }
            catch (MemOSException exception)
            {
                reported[id] = exception;
            }
        }

        applied.Values.Should().OnlyContain(count => count == 1, "a write is never applied twice");
        foreach (var (id, failure) in reported)
        {
            var count = applied.GetValueOrDefault(id);
            if (failure is null)
            {
                count.Should().Be(1, $"{id} was reported as a success");
            }
            else if (!failure.WriteMayHaveBeenApplied)
            {
                count.Should().Be(0, $"{id} failed with {failure.GetType().Name}, reported as certainly not applied");
            }
        }

        reported.Values.Should().Contain(f => f == null).And.Contain(f => f != null && f.WriteMayHaveBeenApplied).And.Contain(f => f != null && !f.WriteMayHaveBeenApplied);
    }
}
