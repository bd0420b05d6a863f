// The chat sample and the MemOS emulator, declared in an Aspire AppHost: the chat service gets
// ConnectionStrings__memos (Endpoint=…;Key=…) from WithReference. `dotnet run --project samples/AppHost`
// starts both and the Aspire dashboard.
using System.Reflection;

var builder = DistributedApplication.CreateBuilder(args);

// This repository's build of the memos tool; an app of yours uses the installed tool: AddMemOSEmulator("memos") alone.
var memosDll = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MemosToolDll").Value!;
var memos = builder.AddMemOSEmulator("memos")
    .WithMemosTool("dotnet", memosDll)
    .WithRateLimit(50)
    .WithRequestLog();

builder.AddProject<Projects.AspNetCoreChat>("chat")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(memos)
    .WaitFor(memos);

builder.Build().Run();
