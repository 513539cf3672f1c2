namespace OpsBot.Chat;

/// <summary>
/// What OpsBot says, with no chat platform in it. Adapters (Slack, Discord, the playground) render it;
/// <see cref="MessageFitter"/> first cuts it to the target's limits.
/// </summary>
/// <param name="Fallback">Plain text for notifications, screen readers and clients that show no blocks.</param>
public sealed record ChatMessage(string Fallback, IReadOnlyList<MessageBlock> Blocks, IReadOnlyList<ChatFile> Files)
{
    public ChatMessage(string fallback, params MessageBlock[] blocks) : this(fallback, blocks, []) { }

    public ChatMessage WithFiles(params ChatFile[] files) => this with { Files = [.. Files, .. files] };

    /// <summary>Every button on the message, in order (ids must be unique within one message).</summary>
    public IEnumerable<ChatButton> Buttons => Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons);
}

/// <summary>One visual part of a message.</summary>
public abstract record MessageBlock;

public sealed record HeaderBlock(string Text) : MessageBlock;

/// <summary>A paragraph of rich text (bold, code, times, ...; user text can never become markup).</summary>
public sealed record TextBlock(RichText Text) : MessageBlock;

/// <summary>Label/value pairs shown side by side where the platform can.</summary>
public sealed record FieldsBlock(IReadOnlyList<ChatField> Fields) : MessageBlock;

public sealed record ChatField(string Label, RichText Value);

/// <summary>
/// A compact table. <paramref name="TotalRows"/> counts the rows there were before any cut, so a
/// renderer can say "… and 37 more" (and the full list travels as a CSV file).
/// </summary>
public sealed record TableBlock(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRows) : MessageBlock
{
    public TableBlock(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows) : this(columns, rows, rows.Count) { }

    public int Hidden => TotalRows - Rows.Count;
}

/// <summary>Small print under the content: as-of time, sources, hints.</summary>
public sealed record ContextBlock(RichText Text) : MessageBlock;

/// <summary>A chart or picture. Alt text is required: it is the text fallback for every reader.</summary>
public sealed record ImageBlock(string FileName, byte[] Png, string AltText) : MessageBlock;

public sealed record ButtonsBlock(IReadOnlyList<ChatButton> Buttons) : MessageBlock;

/// <param name="ActionId">A <see cref="Chat.ActionId"/> string, <c>feature.verb:arg</c>.</param>
/// <param name="Confirm">When set, the reader must confirm this text before the press counts.</param>
public sealed record ChatButton(string ActionId, string Label, ButtonStyle Style = ButtonStyle.Default, string? Confirm = null);

public enum ButtonStyle { Default, Primary, Danger }

/// <summary>A file attached to a message (a CSV of the full radar, for example).</summary>
public sealed record ChatFile(string Name, byte[] Content, string ContentType);
