using OpsBot;
using OpsBot.Cli;

// One executable: a subcommand (radar, creator, digest, import, demo-data, migrate, bench) runs the
// CLI against the same configuration; no subcommand runs the host.
return CliApp.IsSubcommand(args)
    ? await CliApp.RunAsync(args)
    : await OpsBotHost.RunAsync(args);
