using System.CommandLine;
using OpsBot.Data;

namespace OpsBot.Cli;

/// <summary>The <c>opsbot</c> subcommands. Usage errors exit 2; a command's own failure exits 1.</summary>
public static class CliApp
{
    public const int Ok = 0, Failed = 1, Usage = 2;

    public static bool IsSubcommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, Action<IConfigurationBuilder>? configure = null)
    {
        var context = new CliContext(output ?? Console.Out, error ?? Console.Error, configure);
        var root = new RootCommand("OpsBot: the ops team's chat-ops bot. Without a subcommand it runs the host.");
        // Every subcommand is registered here, in one place.
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(DemoDataCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) context.Error.WriteLine(e.Message);
            context.Error.WriteLine();
            context.Error.WriteLine("Usage: opsbot <command> [options]; opsbot <command> --help for details.");
            return Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error });
    }
}
