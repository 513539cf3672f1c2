using Microsoft.Extensions.Options;
using OpsBot.Chat.Playground;
using OpsBot.Chat.Slack;

namespace OpsBot.Chat;

/// <summary>The chat platform OpsBot talks on.</summary>
public enum ChatPlatformKind { Slack, Playground }

/// <summary>
/// Which chat platform is in use: Slack when a bot token is set, else the playground when it is on, else none yet.
/// The one answer for the outbox (where to deliver) and for features asking whether a creator can be reached in chat.
/// </summary>
public sealed class ActiveChatPlatform(IOptions<SlackOptions> slack, IOptions<PlaygroundOptions> playground)
{
    public ChatPlatformKind? Kind =>
        !string.IsNullOrWhiteSpace(slack.Value.BotToken) ? ChatPlatformKind.Slack
        : playground.Value.Enabled == true ? ChatPlatformKind.Playground
        : null;
}
