using Spectre.Console;

namespace OpsBot.Cli;

/// <summary>A Spectre.Console console writing to the command's output: colours only on a real terminal.</summary>
internal static class CliConsole
{
    /// <summary>Piped or captured output has no width of its own; wide enough that a radar row stays on one line.</summary>
    private const int UnboundedWidth = 200;

    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = UnboundedWidth;
        return console;
    }
}
