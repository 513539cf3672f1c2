using System.Globalization;

namespace OpsBot.Chat;

/// <summary>
/// Reads what the ops team typed after a command. Slack sends one free-text string, so each word is
/// matched by its shape: a flag's name, one of a choice's words, <c>@handle</c>, a number; any other word
/// fills the next handle or text option in spec order. Discord's named options go through
/// <see cref="FromNamed"/> and the same checks.
/// </summary>
public static class CommandParser
{
    public static CommandArgs Parse(CommandSpec spec, string? text)
    {
        var values = new Dictionary<string, string>();
        var options = spec.AllOptions;
        foreach (var word in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A flag's or a choice's own word goes to it first: "/radar public" is the flag, not creator "public".
            var option = options.FirstOrDefault(o => !values.ContainsKey(o.Name) && o.Kind is OptionKind.Flag or OptionKind.Choice && Fits(o, word))
                ?? options.FirstOrDefault(o => !values.ContainsKey(o.Name) && Fits(o, word))
                ?? throw new CommandUsageException(spec, ChatErrors.Unexpected, word);
            values[option.Name] = Normalize(option, word);
        }
        return Checked(spec, values);
    }

    public static CommandArgs FromNamed(CommandSpec spec, IReadOnlyDictionary<string, string> named)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in named)
        {
            var option = spec.AllOptions.FirstOrDefault(o => o.Name == name) ?? throw new CommandUsageException(spec, ChatErrors.Unexpected, name);
            if (option.Kind == OptionKind.Flag)
            {
                if (bool.TryParse(value, out var on) && on) values[name] = "true";
                continue;
            }
            if (!Fits(option, value) && !(option.Kind is OptionKind.Handle or OptionKind.Text))
                throw new CommandUsageException(spec, ChatErrors.Invalid, value, option.Name);
            values[name] = Normalize(option, value);
        }
        return Checked(spec, values);
    }

    private static CommandArgs Checked(CommandSpec spec, Dictionary<string, string> values)
    {
        if (spec.AllOptions.FirstOrDefault(o => o.Required && !values.ContainsKey(o.Name)) is { } missing)
            throw new CommandUsageException(spec, ChatErrors.Missing, missing.Name);
        return new CommandArgs(values);
    }

    private static bool Fits(OptionSpec option, string word) => option.Kind switch
    {
        OptionKind.Flag => string.Equals(word, option.Name, StringComparison.OrdinalIgnoreCase),
        OptionKind.Choice => option.Choices!.Contains(word, StringComparer.OrdinalIgnoreCase),
        OptionKind.Number => IsNumber(word, out var n) && n > 0 && double.IsFinite(n),
        // A bare number is never a handle: "/radar 6 7" is a mistake, not creator "7".
        OptionKind.Handle => word.TrimStart('@') is { Length: > 0 } h && h.All(IsHandleChar) && !IsNumber(word, out _),
        OptionKind.Text => !word.StartsWith('@'),
        _ => false,
    };

    private static bool IsNumber(string word, out double n) => double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out n);

    private static bool IsHandleChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-';

    private static string Normalize(OptionSpec option, string word) => option.Kind switch
    {
        OptionKind.Choice => option.Choices!.First(c => string.Equals(c, word, StringComparison.OrdinalIgnoreCase)),
        OptionKind.Handle => word.TrimStart('@'),
        OptionKind.Flag => "true",
        _ => word,
    };
}

/// <summary>What was wrong with the arguments; the dispatcher answers with this and the command's usage.</summary>
public sealed class CommandUsageException(CommandSpec spec, string errorKey, params object[] args) : Exception(errorKey)
{
    public CommandSpec Spec { get; } = spec;
    public string ErrorKey { get; } = errorKey;
    public object[] Args { get; } = args;
}

/// <summary>Keys of ChatText.resx for argument errors.</summary>
public static class ChatErrors
{
    public const string Unexpected = "Error.Unexpected", Invalid = "Error.Invalid", Missing = "Error.Missing";
}
