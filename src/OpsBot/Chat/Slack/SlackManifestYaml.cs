using System.Globalization;
using System.Text;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Just enough YAML for the manifest: block mappings and sequences, two spaces a level, every string
/// double-quoted so a description with <c>: # [ ] ' "</c> or a leading <c>@</c> cannot change the structure.
/// Lines end in <c>\n</c> on every OS, so the committed file compares byte for byte.
/// </summary>
internal sealed class SlackManifestYaml
{
    private readonly StringBuilder text = new();

    public void Comment(string comment) => Line(0, "# " + comment);

    public void Section(string key, int level) => Line(level, key + ":");

    public void Value(string key, string value, int level) => Line(level, $"{key}: {Quote(value)}");

    public void Flag(string key, bool value, int level) => Line(level, $"{key}: {(value ? "true" : "false")}");

    /// <param name="comment">Said after the item (why a scope is needed).</param>
    public void Item(string value, int level, string? comment = null) =>
        Line(level, $"- {Quote(value)}" + (comment is null ? "" : "  # " + comment));

    public override string ToString() => text.ToString();

    private void Line(int level, string line) => text.Append(' ', 2 * level).Append(line).Append('\n');

    /// <summary>A YAML double-quoted scalar: backslash and quote escaped, control characters as \uXXXX.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') quoted.Append('\\').Append(c);
            else if (char.IsControl(c) || c is '\u2028' or '\u2029') quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }
}
