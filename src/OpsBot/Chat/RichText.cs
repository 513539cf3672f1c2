using System.Globalization;
using System.Text;

namespace OpsBot.Chat;

/// <summary>
/// Inline text as spans, so emphasis comes only from OpsBot's own templates and every value (a creator's
/// handle, a fan's note) stays literal text: renderers escape it for their platform.
/// </summary>
public sealed record RichText(IReadOnlyList<Span> Spans)
{
    public static RichText Plain(string text) => new([new Span(text)]);

    public static RichText Bold(string text) => new([new Span(text, SpanStyle.Bold)]);

    /// <summary>
    /// Fills a template: <c>**bold**</c>, <c>_italic_</c> and <c>`code`</c> in the template are markup;
    /// <c>{0}</c>… are replaced by the arguments as literal text (an argument's own asterisks stay asterisks).
    /// A <see cref="TimeValue"/> argument becomes a time span each platform may show in the reader's own zone.
    /// </summary>
    public static RichText Format(CultureInfo culture, string template, params object?[] args)
    {
        var spans = new List<Span>();
        var style = SpanStyle.Plain;
        var run = new StringBuilder();
        void Flush()
        {
            if (run.Length > 0) spans.Add(new Span(run.ToString(), style));
            run.Clear();
        }
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            var toggle = c == '*' && i + 1 < template.Length && template[i + 1] == '*' ? SpanStyle.Bold
                : c == '_' ? SpanStyle.Italic : c == '`' ? SpanStyle.Code : (SpanStyle?)null;
            if (toggle is { } t)
            {
                Flush();
                style = style == t ? SpanStyle.Plain : t;
                if (t == SpanStyle.Bold) i++;
                continue;
            }
            if (c == '{' && Placeholder(template, i) is var (index, format, end))
            {
                Flush();
                spans.Add(ArgumentSpan(args[index], format, style, culture));
                i = end;
                continue;
            }
            run.Append(c);
        }
        Flush();
        return new RichText(spans);
    }

    /// <summary>"{0}" or "{0:#,0.0}" at <paramref name="start"/>: the argument index, its format and where it ends.</summary>
    private static (int Index, string? Format, int End)? Placeholder(string template, int start)
    {
        var end = template.IndexOf('}', start);
        if (end < 0) return null;
        var inside = template.AsSpan(start + 1, end - start - 1);
        var colon = inside.IndexOf(':');
        var number = colon < 0 ? inside : inside[..colon];
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (index, colon < 0 ? null : inside[(colon + 1)..].ToString(), end)
            : null;
    }

    private static Span ArgumentSpan(object? arg, string? format, SpanStyle style, CultureInfo culture) => arg switch
    {
        TimeValue time => new Span(time.Fallback, style, time.At),
        IFormattable f => new Span(f.ToString(format, culture), style),
        _ => new Span(arg?.ToString() ?? "", style),
    };

    public RichText Append(RichText more) => new([.. Spans, .. more.Spans]);

    /// <summary>The text without markup: the plain fallback.</summary>
    public override string ToString() => string.Concat(Spans.Select(s => s.Text));
}

/// <param name="Time">When set, the span stands for this instant; <see cref="Text"/> is its fallback.</param>
public sealed record Span(string Text, SpanStyle Style = SpanStyle.Plain, DateTimeOffset? Time = null);

/// <summary>An instant with its fallback text in the ops time zone (see OpsFormat.TimeValue).</summary>
public sealed record TimeValue(DateTimeOffset At, string Fallback);

public enum SpanStyle { Plain, Bold, Italic, Code }
