namespace OpsBot.Chat.Playground;

/// <summary>What was typed in the command box, <c>/radar 6 @anna</c>: the command and the rest as Slack would send it.</summary>
public sealed record CommandLine(string Command, string Text, string Typed)
{
    /// <summary>Slack's own cap on a slash command's text is about this; more is a paste gone wrong.</summary>
    public const int MaxLength = 2000;

    public static bool TryParse(string? typed, out CommandLine line)
    {
        line = null!;
        var trimmed = typed?.Trim() ?? "";
        if (trimmed.Length is < 2 or > MaxLength || trimmed[0] != '/' || char.IsWhiteSpace(trimmed[1])) return false;
        var space = trimmed.IndexOfAny([' ', '\t']);
        line = space < 0
            ? new CommandLine(trimmed[1..], "", trimmed)
            : new CommandLine(trimmed[1..space], trimmed[(space + 1)..].Trim(), trimmed);
        return true;
    }
}
