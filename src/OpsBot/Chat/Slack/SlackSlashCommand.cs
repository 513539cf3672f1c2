namespace OpsBot.Chat.Slack;

/// <summary>A slash command as Slack posts it (chat-protocols.md A2): <c>/radar 6 @anna</c> typed by a user in a channel.</summary>
/// <param name="Name">The command without its slash: <c>radar</c>.</param>
/// <param name="Text">Everything typed after the command.</param>
public sealed record SlackSlashCommand(string Name, string Text, string UserId, string UserName, string ChannelId, Uri? ResponseUrl)
{
    /// <returns>The command, or null when a field every command needs is missing.</returns>
    public static SlackSlashCommand? From(SlackInboundRequest request)
    {
        if (request.Field("command") is not { Length: > 1 } command || command[0] != '/'
            || request.Field("user_id") is not { } userId || request.Field("channel_id") is not { } channelId)
            return null;
        return new SlackSlashCommand(command[1..], request.Field("text") ?? "", userId, request.Field("user_name") ?? userId, channelId,
            SlackResponseTarget.ParseUrl(request.Field("response_url")));
    }

    public ChatInvocation Invocation => new(Name, new ChatActor(SlackInboundServices.Platform, UserId, UserName), ChannelId, Text);
}
