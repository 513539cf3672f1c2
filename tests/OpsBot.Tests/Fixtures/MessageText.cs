using System.Text;
using OpsBot.Chat;

namespace OpsBot.Tests.Fixtures;

/// <summary>Every word a message shows, one block per line and table cells joined by " | ", for Contains assertions.</summary>
public static class MessageText
{
    public static string Of(ChatMessage message)
    {
        var text = new StringBuilder();
        foreach (var block in message.Blocks)
        {
            text.AppendLine(block switch
            {
                HeaderBlock h => h.Text,
                TextBlock t => t.Text.ToString(),
                ContextBlock c => c.Text.ToString(),
                FieldsBlock f => string.Join("\n", f.Fields.Select(x => $"{x.Label}: {x.Value}")),
                TableBlock t => string.Join("\n", [string.Join(" | ", t.Columns), .. t.Rows.Select(r => string.Join(" | ", r))]),
                ButtonsBlock b => string.Join(" | ", b.Buttons.Select(x => x.Label)),
                ImageBlock i => i.AltText,
                _ => throw new InvalidOperationException($"Unknown block {block}"),
            });
        }
        // German money and percentages use no-break spaces; tests write plain ones.
        return text.ToString().Replace('\u00A0', ' ').Replace('\u202F', ' ');
    }

    /// <summary>The fallback and every block's text, as <see cref="Of"/> reads them.</summary>
    public static string All(ChatMessage message) => message.Fallback.Replace('\u00A0', ' ').Replace('\u202F', ' ') + "\n" + Of(message);

    public static string Field(ChatMessage message, string label) =>
        message.Blocks.OfType<FieldsBlock>().SelectMany(f => f.Fields).Single(f => f.Label == label).Value.ToString().Replace('\u00A0', ' ');

    /// <summary>The warning lines (⚠ …) of a message.</summary>
    public static IReadOnlyList<string> Warnings(ChatMessage message) =>
        message.Blocks.OfType<TextBlock>().Select(t => t.Text.ToString()).Where(t => t.StartsWith('⚠')).ToList();
}
