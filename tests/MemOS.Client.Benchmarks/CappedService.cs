using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Kestrel on 127.0.0.1 standing for a service that serves <see cref="Capacity"/> add/message
/// requests at once, each taking <see cref="ServiceTime"/>, and answers 40309 with a Retry-After of
/// one second beyond them: the concurrency cap an import should settle under.
/// </summary>
internal sealed class CappedService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;
    private long _served;
    private long _rejected;

    private CappedService(WebApplication app, int capacity, TimeSpan serviceTime)
    {
        _app = app;
        Capacity = capacity;
        ServiceTime = serviceTime;
    }

    public int Capacity { get; }

    public TimeSpan ServiceTime { get; }

    public Uri ApiRoot { get; private set; } = null!;

    public long Served => Interlocked.Read(ref _served);

    public long Rejected => Interlocked.Read(ref _rejected);

    public static async Task<CappedService> StartAsync(int capacity, TimeSpan serviceTime)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var service = new CappedService(app, capacity, serviceTime);
        app.Run(service.AnswerAsync);
        await app.StartAsync();
        service.ApiRoot = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/api/openmem/v1/");
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Takes one of the service's places unless all are taken; a refused request never holds one, even for a moment.</summary>
    private bool TryEnter()
    {
        for (var seen = Volatile.Read(ref _inFlight); seen < Capacity; seen = Volatile.Read(ref _inFlight))
        {
            if (Interlocked.CompareExchange(ref _inFlight, seen + 1, seen) == seen)
            {
                return true;
            }
        }

        return false;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        if (!TryEnter())
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("""{"code":40309,"message":"too many requests at once"}""");
            return;
        }

        try
        {
            await Task.Delay(ServiceTime);
            Interlocked.Increment(ref _served);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        await context.Response.WriteAsync("""{"code":0,"data":{"success":true},"message":"ok"}""");
    }
}
