using System.CommandLine;

namespace OpsBot.Cli;

/// <summary><c>--format</c>: one of a command's output formats, the first is the default; anything else is a usage error.</summary>
internal static class FormatOption
{
    public static Option<string> Create(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
