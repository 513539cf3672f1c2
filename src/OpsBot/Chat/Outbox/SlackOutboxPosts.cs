using System.Text.Json.Nodes;
using OpsBot.Chat.Slack;
using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// How an outbox post is recognised in Slack: its metadata names the outbox key
/// (<c>{"event_type":"opsbot_outbox","event_payload":{"key":"…"}}</c>; a key is at most
/// <see cref="OutboxMessage.KeyLength"/> characters, far inside what Slack keeps as metadata).
/// </summary>
internal static class SlackOutboxPosts
{
    public const string EventType = "opsbot_outbox";

    /// <summary>Slack's clock and this instance's may differ; a minute before the item was enqueued covers that.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many messages back a retry looks (10 pages of history). A channel busier than that since the item was
    /// enqueued cannot be searched to its start, so the send fails rather than risk a second post.
    /// </summary>
    public const int MaxMessagesSearched = 1000;

    public static SlackMetadata Metadata(OutboxPost post) => new(EventType, new JsonObject { ["key"] = post.Key });

    /// <returns>The ts of the message an earlier attempt posted, or null when the channel has none.</returns>
    /// <exception cref="InvalidOperationException">The channel had more messages since than are searched.</exception>
    public static async Task<string?> FindAsync(SlackApi api, string channel, OutboxPost post, CancellationToken ct)
    {
        var searched = 0;
        await foreach (var message in api.HistoryAsync(channel, Oldest(post), ct))
        {
            if (message.Metadata is { EventType: EventType } metadata && (string?)metadata.EventPayload["key"] == post.Key) return message.Ts;
            if (++searched == MaxMessagesSearched)
                throw new InvalidOperationException($"Slack {channel} has over {MaxMessagesSearched} messages since outbox {post.Key} was enqueued; " +
                    "it cannot be checked for an earlier attempt's post, so it is not posted again.");
        }
        return null;
    }

    /// <summary>Nothing of the item was posted before it was enqueued; an item stored without a time is searched from the start.</summary>
    private static DateTimeOffset Oldest(OutboxPost post) =>
        post.CreatedAt > DateTimeOffset.MinValue + ClockSkew ? post.CreatedAt - ClockSkew : DateTimeOffset.UnixEpoch;
}
