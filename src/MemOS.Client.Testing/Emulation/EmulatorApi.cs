using System.Collections.Concurrent;
using System.Globalization;
using MemOS.Client.Testing.Emulation.Routes;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Dispatches emulated cloud routes: checks the key, serves injected faults, then hands the call
/// to its area. State is kept per API key, as the service keeps it per project.
/// </summary>
internal sealed class EmulatorApi
{
    private readonly ConcurrentDictionary<string, EmulatorTenant> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<EmulatorCall, Task>> _routes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;

    public EmulatorApi(TimeProvider time, CancellationToken stopping)
    {
        _time = time;
        _stopping = stopping;
        MemoryRoutes.Map(_routes);
        ChatRoutes.Map(_routes);
        MessageRoutes.Map(_routes);
        KnowledgeBaseRoutes.Map(_routes);
        ProfileRoutes.Map(_routes);
        ModelRoutes.Map(_routes);
    }

    public EmulatorFaults Faults { get; } = new();

    public EmulatorRateLimits RateLimits { get; } = new();

    public void AddTenant(string apiKey, EmulatorTenant tenant) => _tenants.TryAdd(apiKey, tenant);

    public async Task HandleAsync(HttpContext context, string route)
    {
        // As the service does on every answer, errors included: the id a user quotes to support.
        context.Response.Headers["traceid"] = EmulatorCall.NewId();
        // get/memory/{id} is the one route with a path parameter, and the one GET.
        var routeKey = HttpMethods.IsGet(context.Request.Method)
            && route.StartsWith("get/memory/", StringComparison.Ordinal) ? "GET get/memory/{id}" : route;
        if (!_routes.TryGetValue(routeKey, out var handler)
            || (HttpMethods.IsGet(context.Request.Method) != routeKey.StartsWith("GET ", StringComparison.Ordinal)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Faults and rate limits are set per route as the SDK names it, a path with an id as its template.
        var routeName = routeKey.StartsWith("GET ", StringComparison.Ordinal) ? "get/memory/{id}" : route;
        var fault = Faults.Take(routeName);
        if (fault is not null && await ServeFaultAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        if (RateLimits.Take(routeName, _time.GetUtcNow()) is { } wait)
        {
            // As the service does: HTTP 200 with code 40309, here with the wait in whole seconds.
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(
                CultureInfo.InvariantCulture);
            await EmulatorResponses.Error(
                context,
                MemOSErrorCodes.TokenWindowExceeded,
                "Token usage is over the limit for this time window; lower the concurrency and retry").ConfigureAwait(
                    false);
            return;
        }

        var key = ReadApiKey(context.Request.Headers.Authorization.ToString());
        if (key is null || !_tenants.TryGetValue(key, out var tenant))
        {
            await EmulatorResponses.Error(
                context,
                MemOSErrorCodes.ApiKeyInvalid,
                "API key is invalid or expired",
                StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var request = await EmulatorRequest.ReadAsync(context, context.RequestAborted).ConfigureAwait(false);
        EmulatorRequestLog.NoteUser(context, request?.String("user_id"));
        if (request is null)
        {
            await EmulatorResponses.Error(
                context,
                MemOSErrorCodes.InvalidParameters,
                "Invalid request parameters: the body must be a JSON object").ConfigureAwait(false);
            return;
        }

        await handler(new EmulatorCall(context, tenant, request, _time, fault)).ConfigureAwait(false);
    }

    private static string? ReadApiKey(string header)
    {
        foreach (var scheme in new[] { "Token ", "Bearer " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// Serves a fault; returns false when the call should still be answered normally (a delay, a stream cut).
    /// </summary>
    private async Task<bool> ServeFaultAsync(HttpContext context, EmulatorFault fault)
    {
        if (fault.Wait is { } wait)
        {
            await Task.Delay(wait, _time, context.RequestAborted).ConfigureAwait(false);
            return false;
        }

        if (fault.Hang)
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, giveUp.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, or the emulator is stopping: either way there is no one left to answer.
            }

            context.Abort();
            return true;
        }

        if (fault.Drop)
        {
            context.Abort();
            return true;
        }

        if (fault.HttpStatus is { } status)
        {
            if (fault.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(
                    CultureInfo.InvariantCulture);
            }

            await EmulatorResponses.Error(context, status, "Injected HTTP error", status).ConfigureAwait(false);
            return true;
        }

        if (fault.Code is { } code)
        {
            await EmulatorResponses.Error(context, code, fault.Message ?? "Injected error").ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
