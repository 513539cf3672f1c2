using System.Text.Json;

namespace OpsBot.Chat.Slack;

/// <summary>
/// A button press (<c>block_actions</c>, chat-protocols.md A3). The button's <c>action_id</c> is OpsBot's
/// <see cref="Chat.ActionId"/> string (the renderer puts it in <c>value</c> too); the presser is <c>user.id</c>.
/// </summary>
/// <param name="MessageTs">The pressed message (<c>container.message_ts</c>).</param>
/// <param name="OnEphemeral">The pressed message is seen by the presser only.</param>
/// <param name="TriggerId">Opens a modal for the presser (<c>views.open</c>) within about 3 seconds of the press.</param>
public sealed record SlackBlockAction(string ActionId, ChatActor Actor, string ChannelId, string? MessageTs, bool OnEphemeral, Uri ResponseUrl, string? TriggerId)
{
    /// <returns>The press, or null when a field it needs is missing.</returns>
    public static SlackBlockAction? From(JsonElement payload)
    {
        if (payload.At("actions") is not { ValueKind: JsonValueKind.Array } actions || actions.GetArrayLength() == 0
            || actions[0].String("action_id") is not { } actionId
            || payload.String("user", "id") is not { } userId
            || (payload.String("container", "channel_id") ?? payload.String("channel", "id")) is not { } channelId
            || SlackResponseTarget.ParseUrl(payload.String("response_url")) is not { } responseUrl)
            return null;
        var name = payload.String("user", "name") ?? payload.String("user", "username") ?? userId;
        var onEphemeral = payload.At("container", "is_ephemeral")?.ValueKind == JsonValueKind.True;
        return new SlackBlockAction(actionId, new ChatActor(SlackInboundServices.Platform, userId, name), channelId,
            payload.String("container", "message_ts"), onEphemeral, responseUrl, payload.String("trigger_id"));
    }
}
