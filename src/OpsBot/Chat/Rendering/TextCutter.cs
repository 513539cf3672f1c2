namespace OpsBot.Chat.Rendering;

/// <summary>
/// Cuts text to a length budget so it still reads well: at a word boundary when one is near, never
/// inside a time token or a surrogate pair, and marked with "…".
/// </summary>
internal static class TextCutter
{
    public const string Ellipsis = "…";

    /// <summary>A cut keeps at least this share of what fits; a word boundary further back is ignored.</summary>
    private const double MinimumKept = 0.5;

    private static readonly char[] WhiteSpace = [' ', '\n', '\t'];
    private static readonly char[] Separators = [' ', '\n', '\t', ',', ';', ':'];

    public static string Cut(string text, int budget, MarkupCost cost) =>
        cost.Of(text) <= budget ? text : Cut(RichText.Plain(text), budget, cost).ToString();

    /// <summary>The text unchanged (the same instance) when it fits, else its longest readable beginning and "…".</summary>
    public static RichText Cut(RichText text, int budget, MarkupCost cost)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, cost.Of(Ellipsis));
        if (cost.Of(text) <= budget) return text;
        var room = budget - cost.Of(Ellipsis);
        var kept = new List<Span>();
        foreach (var span in text.Spans)
        {
            var whole = cost.Of(span);
            if (whole <= room)
            {
                kept.Add(span);
                room -= whole;
                continue;
            }
            // A time token is one unit: it goes whole or not at all.
            if (span.Time is null && Prefix(span, room, cost) is { Length: > 0 } prefix) kept.Add(span with { Text = prefix });
            break;
        }
        var full = text.ToString();
        var length = kept.Sum(s => s.Text.Length);
        var end = length < full.Length && !char.IsWhiteSpace(full[length]) ? WordBoundary(kept, length) : length;
        return new RichText([.. Truncate(kept, end), new Span(Ellipsis)]);
    }

    private static string Prefix(Span span, int room, MarkupCost cost)
    {
        room -= cost.Of(span with { Text = "" });
        var length = 0;
        while (length < span.Text.Length && cost.Of(span.Text[length]) <= room)
            room -= cost.Of(span.Text[length++]);
        if (length > 0 && char.IsHighSurrogate(span.Text[length - 1])) length--;
        return span.Text[..length];
    }

    /// <summary>Where the last word that fits ends: the last white space outside time tokens, if not too far back.</summary>
    private static int WordBoundary(List<Span> kept, int length)
    {
        var start = 0;
        var boundary = -1;
        foreach (var span in kept)
        {
            if (span.Time is null && span.Text.LastIndexOfAny(WhiteSpace) is >= 0 and var i) boundary = start + i;
            start += span.Text.Length;
        }
        return boundary >= length * MinimumKept ? boundary : length;
    }

    /// <summary>The spans up to <paramref name="end"/>, without trailing white space or separators before the "…".</summary>
    private static IEnumerable<Span> Truncate(List<Span> spans, int end)
    {
        var result = new List<Span>();
        var start = 0;
        foreach (var span in spans)
        {
            if (start >= end) break;
            result.Add(start + span.Text.Length <= end ? span : span with { Text = span.Text[..(end - start)] });
            start += span.Text.Length;
        }
        while (result.Count > 0 && result[^1].Time is null)
        {
            var trimmed = result[^1].Text.TrimEnd(Separators);
            if (trimmed.Length > 0)
            {
                result[^1] = result[^1] with { Text = trimmed };
                break;
            }
            result.RemoveAt(result.Count - 1);
        }
        return result;
    }
}
