using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Chat.Slack;
using OpsBot.Data;
using OpsBot.Nudges.Email;

namespace OpsBot.Nudges;

/// <summary>
/// How a creator can be nudged: a DM when the active chat platform (<see cref="ActiveChatPlatform"/>, the same choice
/// the outbox delivers by) can reach them, else an email when <c>Email:*</c> is configured and they have an address,
/// else not at all.
/// </summary>
public sealed class NudgeReach(ActiveChatPlatform platform, SlackDirectory slack, IOptions<EmailOptions> email)
{
    /// <returns>null when the chat platform could not be asked now: neither an email nor "could not nudge" is right yet.</returns>
    public async Task<NudgeVia?> ViaAsync(Creator creator, CancellationToken ct)
    {
        try
        {
            if (await HasChatIdentityAsync(creator, ct)) return NudgeVia.Dm;
        }
        catch (SlackLookupException)
        {
            return null;
        }
        return email.Value.Configured && !string.IsNullOrWhiteSpace(creator.Email) ? NudgeVia.Email : NudgeVia.None;
    }

    /// <summary>
    /// Slack: their Slack user is known (<c>slackUserId</c>, or found by email). Playground: they have a Slack or Discord
    /// id — the playground stands in for the chat they would be reached in, so it delivers to their DM there.
    /// </summary>
    private async Task<bool> HasChatIdentityAsync(Creator creator, CancellationToken ct) => platform.Kind switch
    {
        ChatPlatformKind.Slack => await slack.CreatorUserIdAsync(creator.Id, ct) is not null,
        ChatPlatformKind.Playground => !string.IsNullOrWhiteSpace(creator.SlackUserId) || !string.IsNullOrWhiteSpace(creator.DiscordUserId),
        _ => false,
    };
}
