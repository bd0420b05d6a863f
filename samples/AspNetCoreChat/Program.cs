// A web chat with memory: each visitor (a cookie) has their own MemOS user id, tells the page facts
// to remember, asks questions whose answers stream in, sees what MemOS recalled, and can forget it
// all. Without MEMOS_API_KEY it uses the local MemOS emulator.
using MemOS.Client;
using MemOS.Client.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args);

// Under an Aspire AppHost (samples/AppHost) the MemOS service comes as ConnectionStrings:memos.
var underAppHost = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("memos"));

await using var emulator = !underAppHost
                           && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MEMOS_API_KEY"))
                           && string.IsNullOrWhiteSpace(builder.Configuration["MemOS:ApiKey"])
    ? await MemOSEmulator.StartAsync()
    : null;
if (emulator is not null)
{
    Console.WriteLine($"MEMOS_API_KEY is not set: using the local MemOS emulator at {emulator.BaseUrl}.");
    builder.Configuration["MemOS:ApiKey"] = emulator.ApiKey;
    builder.Configuration["MemOS:BaseUrl"] = emulator.BaseUrl.ToString();
}

// Request-by-request framework logs would bury the sample's own lines.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
if (underAppHost)
{
    // The Aspire client integration: the client, its health check, its traces and metrics.
    builder.AddMemOSClient("memos");
}
else
{
    builder.Services.AddMemOSClient(builder.Configuration.GetSection("MemOS"));
    builder.Services.AddHealthChecks().AddMemOS();
}

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<MemOSExceptionHandler>();
var app = builder.Build();

// A failed MemOS call is handled (MemOSExceptionHandler) and logged as one warning line, not as a crash with a stack trace.
app.UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = context => context.Exception is MemOSException });
app.UseStatusCodePages();
app.UseVisitorCookie();

// The page loads only its own files and never renders text as HTML, so it can forbid everything else.
app.Use((context, next) =>
{
    context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
    context.Response.Headers.XContentTypeOptions = "nosniff";
    return next(context);
});

// The page's files are embedded in the assembly, so the app serves them from any working directory.
var page = new EmbeddedFileProvider(typeof(Program).Assembly, "AspNetCoreChat.wwwroot");
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
// A probe for the orchestrator: is MemOS answering with this key? (The key never appears in the answer.)
app.MapHealthChecks("/health");
app.MapChatApi(underAppHost ? "MemOS from the AppHost" : emulator is null ? "MemOS cloud" : "local MemOS emulator");

await app.StartAsync();
foreach (var address in app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses)
{
    Console.WriteLine($"Chat page: {address}/");
}

await app.WaitForShutdownAsync();
