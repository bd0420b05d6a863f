using MemOS.Client.Cli;

return await MemosCli.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
