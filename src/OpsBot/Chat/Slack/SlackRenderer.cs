using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OpsBot.Chat.Rendering;
using OpsBot.Formatting;

namespace OpsBot.Chat.Slack;

/// <summary>
/// A chat-neutral message as Block Kit (chat-protocols.md A5, A6). The input is already fitted with
/// <see cref="MessageLimits.Slack"/>; this adds no more markup than its <see cref="MarkupCost"/> counts, so
/// every Block Kit limit holds. Text from spans, labels and cells goes through <see cref="SlackMrkdwn"/>;
/// plain-text objects (header, buttons, dialogs, alt text) are never parsed by Slack and stay as they are.
/// </summary>
public sealed partial class SlackRenderer(OpsText text, PlainTextRenderer plain)
{
    private Texts T => text.Of(SlackText.Resources);

    /// <param name="imageFileIds"><see cref="ImageBlock.FileName"/> → the id of its uploaded Slack file.</param>
    public SlackPayload Render(ChatMessage fitted, IReadOnlyDictionary<string, string>? imageFileIds = null)
    {
        var blocks = new JsonArray();
        for (var i = 0; i < fitted.Blocks.Count; i++)
            if (Block(fitted.Blocks[i], imageFileIds) is { } block) blocks.Add(WithId(block, i));
        return new SlackPayload(SlackMrkdwn.Literal(fitted.Fallback), blocks);
    }

    /// <summary>The block, or null when it has no text to show (Slack rejects empty text objects).</summary>
    private JsonObject? Block(MessageBlock block, IReadOnlyDictionary<string, string>? imageFileIds) => block switch
    {
        HeaderBlock { Text.Length: > 0 } h => new() { ["type"] = "header", ["text"] = PlainText(h.Text) },
        HeaderBlock => null,
        TextBlock t => Section(SlackMrkdwn.Render(t.Text)),
        FieldsBlock f => Fields(f),
        TableBlock t => Section(Table(t)),
        ContextBlock c => Context(SlackMrkdwn.Render(c.Text)),
        ImageBlock i when imageFileIds?.GetValueOrDefault(i.FileName) is { } fileId => new()
        {
            ["type"] = "image",
            ["slack_file"] = new JsonObject { ["id"] = fileId },
            ["alt_text"] = i.AltText.Length > 0 ? i.AltText : i.FileName,
        },
        // Not uploaded (or the upload failed): readers still learn what the chart says.
        ImageBlock i => Context(SlackMrkdwn.Literal(text.Of(RenderingText.Resources).Format("Image", i.AltText))),
        ButtonsBlock b => Actions(b),
        _ => throw new ArgumentException($"No Block Kit form for {block.GetType().Name}."),
    };

    private static JsonObject? Section(string mrkdwn) =>
        mrkdwn.Length == 0 ? null : new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject? Context(string mrkdwn) =>
        mrkdwn.Length == 0 ? null : new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(mrkdwn)) };

    /// <summary>Each field is <c>*Label*\nValue</c>: the two-column layout Slack gives section fields.</summary>
    private static JsonObject? Fields(FieldsBlock block)
    {
        var fields = block.Fields
            .Select(f => string.Join('\n', new[] { SlackMrkdwn.Render(RichText.Bold(f.Label)), SlackMrkdwn.Render(f.Value) }.Where(p => p.Length > 0)))
            .Where(f => f.Length > 0)
            .Select(f => (JsonNode)Mrkdwn(f))
            .ToArray();
        return fields.Length == 0 ? null : new() { ["type"] = "section", ["fields"] = new JsonArray(fields) };
    }

    /// <summary>
    /// The aligned columns of the plain-text renderer in a code block (monospace, so they line up on every
    /// screen; fields would wrap a six-column radar into an unreadable two-column list), with
    /// "… and N more" under it. Exactly the length the fitter counts: the table's plain text plus the fence.
    /// </summary>
    private string Table(TableBlock table)
    {
        var grid = $"```\n{SlackMrkdwn.Code(plain.Table(table with { TotalRows = table.Rows.Count }))}\n```";
        return table.Hidden > 0 ? $"{grid}\n{SlackMrkdwn.Literal(text.Of(RenderingText.Resources).Format("Table.More", table.Hidden))}" : grid;
    }

    /// <summary>
    /// <c>verbatim</c> keeps Slack from turning plain words into links or mentions (a channel name, a URL);
    /// our own tokens (<c>&lt;!date^…&gt;</c>) are still read.
    /// </summary>
    private static JsonObject Mrkdwn(string mrkdwn) => new() { ["type"] = "mrkdwn", ["text"] = mrkdwn, ["verbatim"] = true };

    private static JsonObject PlainText(string plainText) => new() { ["type"] = "plain_text", ["text"] = plainText, ["emoji"] = true };

    /// <summary>
    /// Stable and unique: the same block at the same place always gets the same id, and a block whose
    /// content changed gets a new one, as Slack asks of message updates (A5).
    /// </summary>
    private static JsonObject WithId(JsonObject block, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(block.ToJsonString()));
        block["block_id"] = $"{block["type"]}-{index}-{Convert.ToHexStringLower(hash, 0, 4)}";
        return block;
    }
}
