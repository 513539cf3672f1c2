using System.Text;
using System.Text.RegularExpressions;
using OpsBot.Chat;

namespace OpsBot.Nudges.Email;

/// <summary>
/// A chat message as simple HTML for the email's HTML part: headings, paragraphs, tables, small print. Every text is
/// HTML-encoded (a creator's handle can never become markup); web addresses become links; buttons, which an email
/// cannot press, are left out.
/// </summary>
public static partial class EmailHtml
{
    public static string Render(ChatMessage message)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var block in message.Blocks) html.Append(Block(block));
        return html.Append("</body></html>").ToString();
    }

    private static string Block(MessageBlock block) => block switch
    {
        HeaderBlock h => $"<h2>{Encode(h.Text)}</h2>",
        TextBlock t => $"<p>{Rich(t.Text)}</p>",
        ContextBlock c => $"<p style=\"color:#666;font-size:small\">{Rich(c.Text)}</p>",
        FieldsBlock f => $"<p>{string.Join("<br>", f.Fields.Select(x => $"<strong>{Encode(x.Label)}</strong>: {Rich(x.Value)}"))}</p>",
        TableBlock t => Table(t),
        ImageBlock i => $"<p>[{Encode(i.AltText)}]</p>",
        ButtonsBlock => "",
        _ => throw new ArgumentException($"No HTML form for {block.GetType().Name}."),
    };

    private static string Table(TableBlock table) =>
        "<table cellpadding=\"4\"><tr>" + string.Concat(table.Columns.Select(c => $"<th align=\"left\">{Encode(c)}</th>")) + "</tr>"
        + string.Concat(table.Rows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{Encode(c)}</td>")) + "</tr>")) + "</table>";

    private static string Rich(RichText text) => string.Concat(text.Spans.Select(s =>
    {
        var inner = Encode(s.Text);
        return s.Style switch
        {
            SpanStyle.Bold => $"<strong>{inner}</strong>",
            SpanStyle.Italic => $"<em>{inner}</em>",
            SpanStyle.Code => $"<code>{inner}</code>",
            _ => inner,
        };
    }));

    /// <summary>Encoded, line breaks kept, and http(s) addresses linked (matched on the encoded text, so a link cannot break out of its attribute).</summary>
    private static string Encode(string text) =>
        Url().Replace(Escape(text), m => $"<a href=\"{m.Value}\">{m.Value}</a>").Replace("\n", "<br>");

    /// <summary>The five characters HTML gives meaning to; everything else stays as it is (the email is UTF-8).</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
