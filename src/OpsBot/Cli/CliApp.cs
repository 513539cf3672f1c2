using System.CommandLine;
using System.CommandLine.Parsing;
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
        root.Subcommands.Add(RadarCommand.Create(context));
        root.Subcommands.Add(CreatorCommand.Create(context));
        root.Subcommands.Add(DigestCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(Chat.Slack.SlackManifestCommand.Create(context));

        // No @response files: "@anna" is how the ops team writes a creator's handle.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0) return UsageError(context, parse, parse.Errors.Select(e => e.Message));
        try
        {
            // Without the default handler an exception reaches us instead of a stack trace on the user's screen.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException e)
        {
            return UsageError(context, parse, [e.Message]);
        }
        catch (Exception e)
        {
            // One line the ops team can act on; the innermost message names the cause (a SQLite error, a bad setting).
            context.Error.WriteLine($"opsbot {string.Join(' ', CommandPath(parse.CommandResult))} failed: {e.GetBaseException().Message.ReplaceLineEndings(" ")}");
            return Failed;
        }
    }

    /// <summary>The messages, then the failing command's own help, on stderr: exit code 2.</summary>
    private static int UsageError(CliContext context, ParseResult parse, IEnumerable<string> messages)
    {
        foreach (var message in messages) context.Error.WriteLine(message);
        context.Error.WriteLine();
        parse.RootCommandResult.Command.Parse([.. CommandPath(parse.CommandResult), "--help"]).Invoke(new InvocationConfiguration { Output = context.Error });
        return Usage;
    }

    private static IEnumerable<string> CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? [.. CommandPath(parent), command.Command.Name] : [];
}
