using System.Globalization;

namespace OpsBot.Chat;

/// <summary>The arguments of one invocation, by option name, already checked against the spec.</summary>
public sealed class CommandArgs(IReadOnlyDictionary<string, string> values)
{
    public static CommandArgs None { get; } = new(new Dictionary<string, string>());

    public bool Has(string name) => values.ContainsKey(name);

    public string? Text(string name) => values.GetValueOrDefault(name);

    /// <summary>A handle without its @.</summary>
    public string? Handle(string name) => values.GetValueOrDefault(name)?.TrimStart('@');

    public double? Number(string name) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : null;

    public bool Flag(string name) => values.ContainsKey(name);

    /// <summary>Every answer is private to the asker unless they add <c>public</c>.</summary>
    public bool Public => Flag(OptionSpec.Public.Name);
}
