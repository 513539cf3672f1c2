using OpsBot.Formatting;

namespace OpsBot.Chat.Rendering;

/// <summary>
/// Cuts a message to one platform's <see cref="MessageLimits"/> so that it still reads well. Adapters call
/// it right before rendering. Pure and deterministic: the same message and limits give the same result,
/// and fitting a fitted message changes nothing.
/// </summary>
/// <remarks>
/// The rules, in order: action ids are checked (a bad or duplicate id is a programming error and throws);
/// field groups larger than the platform allows continue in a next block; buttons beyond the caps are
/// dropped from the end; every block is cut to its own limits (text at a word boundary with "…", tables to
/// the rows that fit with "… and N more"); blocks beyond the block cap or the total text budget are folded
/// into one "… N more sections" line, except a closing row of buttons, which stays last; a table that was
/// cut or folded travels whole as a CSV file unless a file of that name is attached; the fallback is cut.
/// </remarks>
public sealed class MessageFitter(PlainTextRenderer plain, OpsText text)
{
    /// <summary>With less room than this left in the total budget, a block that does not fit is folded, not cut to a stub.</summary>
    private const int Readable = 40;

    public ChatMessage Fit(ChatMessage message, MessageLimits limits)
    {
        CheckActionIds(message, limits);
        var blocks = ButtonCaps.Apply(SplitFields(message.Blocks, limits.FieldsPerBlock), limits).ToList();
        var actions = blocks is [.., ButtonsBlock last] ? last : null;
        var content = actions is null ? blocks : blocks[..^1];
        var slots = limits.Blocks - (actions is null ? 0 : 1);

        var placed = Place(content, slots, limits.TotalText, limits);
        List<MessageBlock> fitted = [.. placed];
        if (placed.Count < content.Count)
        {
            // Fold again with room for the fold line itself, counted for the largest number it can show.
            placed = Place(content, slots - 1, limits.TotalText - Cost(FoldLine(content.Count), limits), limits);
            fitted = [.. placed, FoldLine(content.Count - placed.Count)];
        }
        if (actions is not null) fitted.Add(actions);

        var files = message.Files.Concat(CutTables(content, placed, message.Files));
        return new ChatMessage(TextCutter.Cut(message.Fallback, limits.FallbackText, limits.Markup), fitted, [.. files]);
    }

    private static void CheckActionIds(ChatMessage message, MessageLimits limits)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var button in message.Buttons)
        {
            if (button.ActionId.Length > limits.ActionIdLength || !ActionId.TryParse(button.ActionId, out _))
                throw new ArgumentException($"Button '{button.Label}' has action id '{button.ActionId}': it must be feature.verb:arg, at most {limits.ActionIdLength} characters.");
            if (!seen.Add(button.ActionId))
                throw new ArgumentException($"Two buttons have the action id '{button.ActionId}': ids must be unique within a message.");
        }
    }

    private static IEnumerable<MessageBlock> SplitFields(IEnumerable<MessageBlock> blocks, int perBlock) =>
        blocks.SelectMany(b => b is FieldsBlock f && f.Fields.Count > perBlock
            ? f.Fields.Chunk(perBlock).Select(chunk => (MessageBlock)new FieldsBlock(chunk))
            : [b]);

    /// <summary>The blocks that fit, in order, each cut to its limits; stops at the first that cannot fit.</summary>
    private List<MessageBlock> Place(IReadOnlyList<MessageBlock> content, int slots, int budget, MessageLimits limits)
    {
        var placed = new List<MessageBlock>();
        foreach (var block in content.Take(Math.Max(slots, 0)))
        {
            if (FitBlock(block, budget, limits) is not { } fitted) break;
            placed.Add(fitted);
            budget -= Cost(fitted, limits);
        }
        return placed;
    }

    private MessageBlock? FitBlock(MessageBlock block, int room, MessageLimits l) => block switch
    {
        HeaderBlock h => CutText(RichText.Plain(h.Text), l.HeaderText, room, l) is { } t ? new HeaderBlock(t.ToString()) : null,
        TextBlock t => CutText(t.Text, l.SectionText, room, l) is { } r ? new TextBlock(r) : null,
        ContextBlock c => CutText(c.Text, l.ContextText, room, l) is { } r ? new ContextBlock(r) : null,
        FieldsBlock f => Fields(f, room, l),
        TableBlock t => TableCutter.Cut(t, Math.Min(l.SectionText, room), table => Cost(table, l)),
        ImageBlock i => i with { AltText = TextCutter.Cut(i.AltText, l.ImageAltText, l.Markup) },
        _ => block,
    };

    /// <summary>Each label and value cut to its limit; a group that still does not fit is folded whole, never half shown.</summary>
    private FieldsBlock? Fields(FieldsBlock block, int room, MessageLimits l)
    {
        var cut = new FieldsBlock([.. block.Fields.Select(f =>
            new ChatField(TextCutter.Cut(f.Label, l.FieldLabel, l.Markup), TextCutter.Cut(f.Value, l.FieldValue, l.Markup)))]);
        return Cost(cut, l) <= room ? cut : null;
    }

    private static RichText? CutText(RichText text, int limit, int room, MessageLimits l)
    {
        var budget = Math.Min(limit, room);
        if (l.Markup.Of(text) <= budget) return text;
        return budget < Readable && room < limit ? null : TextCutter.Cut(text, budget, l.Markup);
    }

    /// <summary>What a block spends of <see cref="MessageLimits.TotalText"/>: its text as rendered; images and buttons carry none.</summary>
    private int Cost(MessageBlock block, MessageLimits l) => block switch
    {
        HeaderBlock h => l.Markup.Of(h.Text),
        TextBlock t => l.Markup.Of(t.Text),
        ContextBlock c => l.Markup.Of(c.Text),
        FieldsBlock f => f.Fields.Sum(x => l.Markup.Of(x.Label) + l.Markup.Of(x.Value)),
        TableBlock t => l.Markup.Of(plain.Table(t)) + l.Markup.CodeBlock,
        _ => 0,
    };

    private ContextBlock FoldLine(int folded) => new(text.Of(RenderingText.Resources).Rich("Sections.More", folded));

    /// <summary>A CSV of every complete table the fitter cut or folded, named after the header above it.</summary>
    private static IEnumerable<ChatFile> CutTables(IReadOnlyList<MessageBlock> content, IReadOnlyList<MessageBlock> placed, IReadOnlyList<ChatFile> attached)
    {
        var heading = "";
        var added = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Count; i++)
        {
            if (content[i] is HeaderBlock h) heading = h.Text;
            // A table cut by its feature already lacks rows the fitter never saw: its feature attaches the file.
            if (content[i] is not TableBlock { Hidden: 0 } table || (i < placed.Count && ReferenceEquals(placed[i], table))) continue;
            var name = TableCsv.FileName(heading, added);
            if (attached.Any(f => f.Name == name)) continue;
            added.Add(name);
            yield return TableCsv.File(name, table);
        }
    }
}
