using System.Globalization;
using System.Text;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Rich text as Slack mrkdwn (chat-protocols.md A6). Emphasis comes only from the spans' styles; every
/// span's text is literal: <c>&amp; &lt; &gt;</c> are escaped, so no text can become a mention, a broadcast
/// or a link, and formatting marks are neutralised, so a handle like <c>*boss*</c> is not shown bold.
/// </summary>
/// <remarks>
/// Slack has no escape for formatting marks, and the <c>verbatim</c> flag only stops auto-linking, not
/// formatting. A zero-width space would add characters <see cref="Rendering.MarkupCost"/> does not count
/// (so a fitted section could pass 3000), and whether Slack takes it as a word boundary is undocumented.
/// So a mark that could open or close formatting is swapped for a look-alike of the same length
/// (<c>*</c> → <c>∗</c>, <c>_</c> → <c>ˍ</c>, <c>~</c> → <c>∼</c>, <c>`</c> → <c>ˋ</c>). A mark between two
/// letters or digits stays (Slack formats only at word edges), so <c>anna_b</c> reads and copies as typed,
/// except inside a run of its own style, where it could end the run.
/// Nothing here adds more than the fitter's <see cref="Rendering.MessageLimits.Slack"/> markup cost.
/// </remarks>
public static class SlackMrkdwn
{
    /// <summary>Each reader sees the instant in their own time zone and clock format.</summary>
    private const string DateFormat = "{date_short_pretty} {time}";

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Text shown as it is: escaped, formatting marks neutralised.</summary>
    public static string Literal(string text) => Escape(Neutralise(text));

    /// <summary>Text inside a code span or block, where only a backtick could end the code.</summary>
    public static string Code(string text) => Escape(text.Replace('`', LookAlike('`')));

    public static string Render(RichText text)
    {
        var mrkdwn = new StringBuilder();
        var spans = text.Spans;
        // Neighbouring spans of one style share one pair of marks: a template such as **{0} overdue**
        // gives two bold spans, and *12** overdue* would not read as bold in Slack.
        for (var i = 0; i < spans.Count;)
        {
            var style = spans[i].Style;
            var inner = new StringBuilder();
            for (; i < spans.Count && spans[i].Style == style; i++) inner.Append(Inner(spans[i], style));
            AppendStyled(mrkdwn, inner.ToString(), style);
        }
        return mrkdwn.ToString();
    }

    /// <summary>Slack formats only when the marks touch the text, so white space at the ends goes outside them.</summary>
    private static void AppendStyled(StringBuilder mrkdwn, string inner, SpanStyle style)
    {
        var trimmed = inner.Trim();
        if (style == SpanStyle.Plain || trimmed.Length == 0)
        {
            mrkdwn.Append(inner);
            return;
        }
        var mark = Mark(style);
        var start = inner.Length - inner.TrimStart().Length;
        mrkdwn.Append(inner.AsSpan(0, start)).Append(mark).Append(trimmed).Append(mark).Append(inner.AsSpan(start + trimmed.Length));
    }

    private static string Inner(Span span, SpanStyle style) => (span.Time, style) switch
    {
        // Inside code Slack shows tokens raw, so a time there is its fallback.
        (_, SpanStyle.Code) => Code(span.Text),
        ({ } at, _) => $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{DateFormat}|{Escape(span.Text)}>",
        (_, SpanStyle.Plain) => Literal(span.Text),
        // Inside a bold run even a mid-word * could end the bold early: the run's own mark never stays.
        _ => Literal(span.Text).Replace(Mark(style), LookAlike(Mark(style))),
    };

    private static char Mark(SpanStyle style) => style switch
    {
        SpanStyle.Bold => '*',
        SpanStyle.Italic => '_',
        SpanStyle.Code => '`',
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Plain text has no mark."),
    };

    private static string Neutralise(string text)
    {
        if (text.AsSpan().IndexOfAny("*_~`") < 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is '*' or '_' or '~' or '`' && !(Inside(text, i - 1) && Inside(text, i + 1)))
                chars[i] = LookAlike(chars[i]);
        return new string(chars);
    }

    private static bool Inside(string text, int i) => i >= 0 && i < text.Length && char.IsLetterOrDigit(text[i]);

    private static char LookAlike(char mark) => mark switch
    {
        '*' => '\u2217',
        '_' => '\u02CD',
        '~' => '\u223C',
        '`' => '\u02CB',
        _ => mark,
    };
}
