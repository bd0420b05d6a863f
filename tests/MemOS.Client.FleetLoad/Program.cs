using MemOS.Client.FleetLoad;

// `client ...` is one of the client processes the run starts; anything else runs the scenarios.
return args.Length > 0 && args[0] == "client"
    ? await FleetClient.RunAsync(ClientSettings.Parse(args.AsSpan(1)))
    : await FleetRun.RunAsync(RunSettings.Parse(args));
