using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Testing.Emulation;

/// <summary>One request being answered: the caller's data, the parsed body and the clock.</summary>
internal sealed class EmulatorCall(
    HttpContext context,
    EmulatorTenant tenant,
    EmulatorRequest request,
    TimeProvider time,
    EmulatorFault? fault)
{
    public HttpContext Context => context;

    public EmulatorTenant Tenant => tenant;

    public EmulatorRequest Request => request;

    public EmulatorFault? Fault => fault;

    public long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public string NowText => time.GetUtcNow().ToOffset(TimeSpan.FromHours(8))
        .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public Task Ok(JsonNode? data) => EmulatorResponses.Success(context, data);

    public Task Error(int code, string message) => EmulatorResponses.Error(context, code, message);

    /// <summary>
    /// Reports the first problem with the documented codes: 40002 for a missing field, 40010/40011 for long ids.
    /// </summary>
    public bool Invalid(out Task answer, params (bool Failed, int Code, string Message)[] checks)
    {
        foreach (var (failed, code, message) in checks)
        {
            if (failed)
            {
                answer = Error(code, message);
                return true;
            }
        }

        answer = Task.CompletedTask;
        return false;
    }
}
