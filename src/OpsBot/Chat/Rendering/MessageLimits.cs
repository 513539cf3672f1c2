namespace OpsBot.Chat.Rendering;

/// <summary>
/// How much one chat platform accepts in one message, in the fitter's terms. Lengths are characters after
/// rendering (see <see cref="Markup"/>); <see cref="MessageFitter"/> cuts every message to these.
/// </summary>
/// <param name="Blocks">Blocks in one message (a table, a field group, a row of buttons each count one).</param>
/// <param name="TotalText">Characters across all text of all blocks together (Discord's embed total).</param>
/// <param name="HeaderText">Characters in a header.</param>
/// <param name="SectionText">Characters in one text block or one table.</param>
/// <param name="FieldsPerBlock">Label/value pairs in one fields block (more are moved to a next block).</param>
/// <param name="FieldLabel">Characters in one field's label.</param>
/// <param name="FieldValue">Characters in one field's value.</param>
/// <param name="ContextText">Characters in one context line.</param>
/// <param name="ImageAltText">Characters in an image's alt text.</param>
/// <param name="ButtonsPerBlock">Buttons in one buttons block.</param>
/// <param name="ButtonsPerMessage">Buttons in the whole message.</param>
/// <param name="ButtonLabel">Characters on a button.</param>
/// <param name="ConfirmText">Characters in a button's confirmation question.</param>
/// <param name="ActionIdLength">Characters in a button's action id; longer is a programming error.</param>
/// <param name="FallbackText">Characters in the plain-text fallback.</param>
public sealed record MessageLimits(
    int Blocks,
    int TotalText,
    int HeaderText,
    int SectionText,
    int FieldsPerBlock,
    int FieldLabel,
    int FieldValue,
    int ContextText,
    int ImageAltText,
    int ButtonsPerBlock,
    int ButtonsPerMessage,
    int ButtonLabel,
    int ConfirmText,
    int ActionIdLength,
    int FallbackText,
    MarkupCost Markup)
{
    /// <summary>Block Kit, from chat-protocols.md A5. A ContextBlock renders as one element, so the 10-element cap never binds.</summary>
    public static MessageLimits Slack { get; } = new(
        Blocks: 50,
        TotalText: int.MaxValue, // no total across section blocks (the 12,000 cap is for markdown blocks, which OpsBot does not send)
        HeaderText: 150,
        SectionText: 3000,
        FieldsPerBlock: 10,
        // A field renders as "*label*\nvalue" in one 2000-character text object: the label's share, its bold and the newline.
        FieldLabel: 150,
        FieldValue: 2000 - 150 - 3,
        ContextText: 3000, // one mrkdwn text object
        ImageAltText: 2000,
        ButtonsPerBlock: 25, // actions block elements
        ButtonsPerMessage: 25 * 50,
        ButtonLabel: 75,
        ConfirmText: 300,
        ActionIdLength: ActionId.MaxLength, // Slack's own action_id allows 255; ids are shared with Discord
        FallbackText: 3000, // top-level text allows 40,000, but notifications show a line or two
        Markup: new MarkupCost(StyledSpan: 2, TimeSpan: 60, Escaped: "&<>", PerEscape: 4, CodeBlock: 8));

    /// <summary>
    /// Embeds and legacy components, from chat-protocols.md B6. Every block counts as one embed (a renderer
    /// may merge blocks, never split them), so <see cref="Blocks"/> is the 10-embed cap.
    /// </summary>
    public static MessageLimits Discord { get; } = new(
        Blocks: 10,
        TotalText: 6000, // title + description + field names/values + footer, across all embeds
        HeaderText: 256, // embed title
        SectionText: 4096, // embed description
        FieldsPerBlock: 25,
        FieldLabel: 256,
        FieldValue: 1024,
        ContextText: 2048, // embed footer
        ImageAltText: 1024, // attachment description (Discord docs; not in B6)
        ButtonsPerBlock: 5 * 5,
        ButtonsPerMessage: 5 * 5, // 5 action rows of 5 buttons; the renderer packs all buttons in rows of 5
        ButtonLabel: 80,
        ConfirmText: 2000, // Discord has no confirm dialog: the adapter asks in a private message (content)
        ActionIdLength: ActionId.MaxLength, // custom_id
        FallbackText: 2000, // message content
        Markup: new MarkupCost(StyledSpan: 4, TimeSpan: 40, Escaped: "\\*_~`|>#-[]()", PerEscape: 1, CodeBlock: 8));
}
