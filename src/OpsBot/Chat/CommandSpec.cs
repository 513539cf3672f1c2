namespace OpsBot.Chat;

/// <summary>
/// One slash command as the ops team types it. The single source for help text, argument parsing,
/// usage errors, the Slack app manifest and Discord command registration, so they cannot drift.
/// </summary>
/// <param name="Name">Without the slash: <c>radar</c>. Lower case, at most 32 characters (Discord).</param>
/// <param name="Description">At most 100 characters (Discord).</param>
public sealed record CommandSpec(string Name, string Description, IReadOnlyList<OptionSpec> Options)
{
    public const int MaxNameLength = 32, MaxDescriptionLength = 100;

    /// <summary>The command's own options and the <c>public</c> flag every command has.</summary>
    public IReadOnlyList<OptionSpec> AllOptions => [.. Options, OptionSpec.Public];

    /// <summary>How the command is typed, e.g. <c>/radar [hours] [@creator] [csv] [public]</c>.</summary>
    public string Usage => string.Join(' ', [$"/{Name}", .. AllOptions.Select(o => o.Usage)]);
}

/// <summary>
/// An argument. Slack sends free text, so options are recognised by their shape (<see cref="OptionKind"/>);
/// Discord sends them by name.
/// </summary>
/// <param name="Choices">For <see cref="OptionKind.Choice"/>: the words allowed.</param>
public sealed record OptionSpec(string Name, string Description, OptionKind Kind, bool Required = false, IReadOnlyList<string>? Choices = null)
{
    /// <summary>Shows the answer to the whole channel instead of only the asker.</summary>
    public static OptionSpec Public { get; } = new("public", "Show the answer to the whole channel", OptionKind.Flag);

    public string Usage
    {
        get
        {
            var shape = Kind switch
            {
                OptionKind.Handle => $"@{Name}",
                OptionKind.Flag => Name,
                OptionKind.Choice => string.Join('|', Choices ?? []),
                _ => Name,
            };
            return Required ? $"<{shape}>" : $"[{shape}]";
        }
    }
}

public enum OptionKind
{
    /// <summary>A positive number (hours).</summary>
    Number,
    /// <summary>A creator's handle, typed with or without @.</summary>
    Handle,
    /// <summary>A free word (a thread id, a proposal id).</summary>
    Text,
    /// <summary>One of <see cref="OptionSpec.Choices"/>.</summary>
    Choice,
    /// <summary>A word that is present or not (<c>public</c>, <c>csv</c>).</summary>
    Flag,
}
