namespace OpsBot.Chat;

/// <summary>
/// A button's id, <c>feature.verb:arg</c> (for example <c>proposal.approve:42</c>), parsed in this one
/// place. At most 100 characters: Discord's <c>custom_id</c> limit, the tightest of the platforms.
/// </summary>
public sealed record ActionId(string Name, string Argument)
{
    public const int MaxLength = 100;

    public override string ToString() => $"{Name}:{Argument}";

    public static ActionId Create(string name, string argument)
    {
        var id = new ActionId(name, argument);
        if (!IsValidName(name) || id.ToString().Length > MaxLength)
            throw new ArgumentException($"'{id}' is not a valid action id (feature.verb:arg, at most {MaxLength} characters).");
        return id;
    }

    public static bool TryParse(string? text, out ActionId id)
    {
        id = null!;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        var colon = text.IndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        if (!IsValidName(name)) return false;
        id = new ActionId(name, colon < 0 ? "" : text[(colon + 1)..]);
        return true;
    }

    /// <summary>Two lower-case words joined by a dot: the feature and the verb.</summary>
    public static bool IsValidName(string name)
    {
        var parts = name.Split('.');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
    }
}
