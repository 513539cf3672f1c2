using System.Text.Json.Nodes;

namespace OpsBot.Chat.Slack;

/// <summary>
/// What one Slack message says: <paramref name="Text"/> is always sent, as the notification and screen-reader
/// fallback even when <paramref name="Blocks"/> carry the layout.
/// </summary>
/// <param name="ThreadTs">Answer inside this thread (the parent message's ts) instead of the channel.</param>
public sealed record SlackPayload(string Text, JsonArray? Blocks = null, string? ThreadTs = null);

/// <summary>Where a posted message lives; <c>chat.update</c> needs both (the channel id, not its name).</summary>
public sealed record SlackMessageRef(string Channel, string Ts);

/// <summary>A message read back from a channel's history: its ts, and the metadata it was posted with (null when none).</summary>
public sealed record SlackPostedMessage(string Ts, SlackMetadata? Metadata);

/// <summary>How an answer through a response_url shows up.</summary>
public enum SlackResponseMode
{
    /// <summary>A new message only the person who clicked or typed sees.</summary>
    Ephemeral,

    /// <summary>A new message everyone in the channel sees.</summary>
    InChannel,

    /// <summary>Rewrites the message the interaction came from (the only way to change an ephemeral one).</summary>
    ReplaceOriginal,

    /// <summary>Removes the message the interaction came from.</summary>
    DeleteOriginal,
}
