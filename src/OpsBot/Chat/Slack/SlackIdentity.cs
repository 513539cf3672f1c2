namespace OpsBot.Chat.Slack;

/// <summary>Who the bot is in the workspace, from <c>auth.test</c>.</summary>
/// <param name="UserId">The bot's own user id, to recognise (and ignore) its own messages.</param>
public sealed record SlackIdentity(string UserId, string? BotId, string TeamId, string? Team);

/// <summary>
/// The bot's identity, learnt once by <see cref="SlackStartupCheck"/>. <see cref="Current"/> stays <c>null</c>
/// when no bot token is set or Slack could not be reached at start.
/// </summary>
public sealed class SlackBotIdentity
{
    /// <summary>Set once while the host starts, before the server takes requests.</summary>
    public SlackIdentity? Current { get; internal set; }
}
