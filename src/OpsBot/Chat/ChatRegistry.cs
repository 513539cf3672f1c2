namespace OpsBot.Chat;

/// <summary>
/// Every command and button handler, as the features registered them (no scanning). Checks at
/// construction that names are unique and within every platform's limits, so a bad registration fails
/// at start, not when someone types the command.
/// </summary>
public sealed class ChatRegistry
{
    private readonly Dictionary<string, IChatCommand> commands;
    private readonly Dictionary<string, IChatAction> actions;

    public ChatRegistry(IEnumerable<IChatCommand> commands, IEnumerable<IChatAction> actions)
    {
        this.commands = Unique(commands, c => c.Spec.Name, "command");
        this.actions = Unique(actions, a => a.Name, "action");
        foreach (var spec in Commands) Validate(spec);
        foreach (var name in this.actions.Keys)
            if (!ActionId.IsValidName(name)) throw new InvalidOperationException($"Action name '{name}' is not feature.verb.");
    }

    public IReadOnlyList<CommandSpec> Commands => [.. commands.Values.Select(c => c.Spec).OrderBy(s => s.Name, StringComparer.Ordinal)];

    public IReadOnlyCollection<string> ActionNames => actions.Keys;

    public IChatCommand? Command(string name) => commands.GetValueOrDefault(name.TrimStart('/').ToLowerInvariant());

    public IChatAction? Action(ActionId id) => actions.GetValueOrDefault(id.Name);

    private static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> name, string what)
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
            if (!byName.TryAdd(name(item), item)) throw new InvalidOperationException($"Two {what}s are named '{name(item)}'.");
        return byName;
    }

    /// <summary>Discord's rules are the tightest: lower-case names ≤ 32, descriptions 1–100, required options first.</summary>
    private static void Validate(CommandSpec spec)
    {
        void Check(bool ok, string problem)
        {
            if (!ok) throw new InvalidOperationException($"Command /{spec.Name}: {problem}.");
        }
        Check(IsName(spec.Name), "name must be lower-case letters, digits or '-', at most 32");
        Check(spec.Description.Length is > 0 and <= CommandSpec.MaxDescriptionLength, "description must be 1–100 characters");
        Check(spec.AllOptions.Select(o => o.Name).Distinct().Count() == spec.AllOptions.Count, "option names must be unique");
        Check(spec.AllOptions.Count <= 25, "at most 25 options");
        Check(!spec.AllOptions.SkipWhile(o => o.Required).Any(o => o.Required), "required options must come first");
        foreach (var o in spec.AllOptions)
        {
            Check(IsName(o.Name), $"option '{o.Name}' must be lower-case letters, digits or '-'");
            Check(o.Description.Length is > 0 and <= CommandSpec.MaxDescriptionLength, $"option '{o.Name}' description must be 1–100 characters");
            Check(o.Kind != OptionKind.Choice || o.Choices is { Count: > 0 and <= 25 }, $"option '{o.Name}' needs 1–25 choices");
        }
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= CommandSpec.MaxNameLength && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
