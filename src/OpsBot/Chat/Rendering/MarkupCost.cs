namespace OpsBot.Chat.Rendering;

/// <summary>
/// What a platform renderer may add to the text it is given, so the fitter counts characters the way the
/// platform will after rendering. This is a contract for renderers: add no more than this.
/// </summary>
/// <param name="StyledSpan">Characters around one bold, italic or code span (Slack <c>*x*</c> 2, Discord <c>**x**</c> 4).</param>
/// <param name="TimeSpan">Characters one time token may add beyond its fallback (Slack <c>&lt;!date^…|…&gt;</c>, Discord <c>&lt;t:…&gt;</c>).</param>
/// <param name="Escaped">Characters the renderer escapes in user text.</param>
/// <param name="PerEscape">Characters one escape adds (Slack <c>&amp;amp;</c> 4, Discord <c>\*</c> 1).</param>
/// <param name="CodeBlock">Characters around a table, which is shown as a code block (<c>```\n…\n```</c>).</param>
public sealed record MarkupCost(int StyledSpan, int TimeSpan, string Escaped, int PerEscape, int CodeBlock)
{
    /// <summary>Counts plain characters only: for table cells and other raw text.</summary>
    public static MarkupCost None { get; } = new(0, 0, "", 0, 0);

    public int Of(char c) => Escaped.Contains(c) ? 1 + PerEscape : 1;

    public int Of(string text)
    {
        var escapes = 0;
        if (PerEscape > 0)
            for (var rest = text.AsSpan(); rest.IndexOfAny(Escaped) is var i and >= 0; rest = rest[(i + 1)..]) escapes++;
        return text.Length + escapes * PerEscape;
    }

    public int Of(Span span) =>
        Of(span.Text) + (span.Style == SpanStyle.Plain ? 0 : StyledSpan) + (span.Time is null ? 0 : TimeSpan);

    public int Of(RichText text) => text.Spans.Sum(Of);
}
