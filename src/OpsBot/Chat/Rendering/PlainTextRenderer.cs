using OpsBot.Formatting;

namespace OpsBot.Chat.Rendering;

/// <summary>
/// A message as plain text: the fallback every platform shows in notifications, and the form for logs
/// and email. Tables become aligned columns; images, files and buttons become bracketed words.
/// </summary>
public sealed class PlainTextRenderer(OpsText text)
{
    private const string ColumnGap = "  ";

    private Texts T => text.Of(RenderingText.Resources);

    /// <summary>A message whose fallback is these blocks as plain text, so features never hand-write it.</summary>
    public ChatMessage Message(params MessageBlock[] blocks) => new(Render(blocks), blocks);

    public string Render(ChatMessage message) =>
        string.Join("\n\n", [.. message.Blocks.Select(Render), .. message.Files.Select(f => T.Format("File", f.Name))]);

    public string Render(IEnumerable<MessageBlock> blocks) => string.Join("\n\n", blocks.Select(Render));

    public string Render(MessageBlock block) => block switch
    {
        HeaderBlock h => h.Text,
        TextBlock t => t.Text.ToString(),
        FieldsBlock f => string.Join('\n', f.Fields.Select(x => $"{x.Label}: {x.Value}")),
        TableBlock t => Table(t),
        ContextBlock c => c.Text.ToString(),
        ImageBlock i => T.Format("Image", i.AltText),
        ButtonsBlock b => string.Join(' ', b.Buttons.Select(x => $"[{x.Label}]")),
        _ => throw new ArgumentException($"No plain-text form for {block.GetType().Name}."),
    };

    /// <summary>
    /// Columns padded to their widest cell, a dashed rule under the header, no trailing spaces, and
    /// "… and N more" when rows were cut. Line breaks inside cells become spaces so columns stay aligned.
    /// </summary>
    public string Table(TableBlock table)
    {
        var lines = new List<IReadOnlyList<string>> { table.Columns };
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Count != table.Columns.Count)
                throw new ArgumentException($"Table row {r} has {table.Rows[r].Count} cells for {table.Columns.Count} columns.");
            lines.Add(table.Rows[r]);
        }
        var cells = lines.Select(l => l.Select(OneLine).ToArray()).ToList();
        var widths = Enumerable.Range(0, table.Columns.Count).Select(c => cells.Max(l => l[c].Length)).ToArray();
        cells.Insert(1, [.. widths.Select(w => new string('-', w))]);
        var rendered = cells.Select(l => string.Join(ColumnGap, l.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        return string.Join('\n', table.Hidden > 0 ? rendered.Append(T.Format("Table.More", table.Hidden)) : rendered);
    }

    private static string OneLine(string cell) => string.Join(' ', cell.Split(['\r', '\n', '\t']));
}
