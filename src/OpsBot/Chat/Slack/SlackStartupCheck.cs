namespace OpsBot.Chat.Slack;

/// <summary>
/// Asks Slack who the bot is (<c>auth.test</c>) before the host takes requests and remembers the answer in
/// <see cref="SlackBotIdentity"/>. A token Slack refuses stops the host with a message naming the setting
/// (never its value). Slack being unreachable only warns: the feed and the playground keep running through
/// a Slack outage, and the next call to Slack will tell again. One attempt only, so a Slack outage costs the
/// start no backoff waits.
/// </summary>
internal sealed class SlackStartupCheck(IServiceScopeFactory scopes, SlackBotIdentity bot, ILogger<SlackStartupCheck> log)
    : IHostedService
{
    /// <summary>Answers that mean the token itself is wrong, revoked, or belongs to a removed app or user.</summary>
    private static readonly HashSet<string> TokenErrors =
        ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type"];

    private const string Fix = "Set Slack:BotToken to the Bot User OAuth Token (xoxb-…) from the Slack app's OAuth & Permissions page " +
        "(reinstall the app if the token was revoked), or remove Slack:BotToken to run without Slack.";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var me = await scope.ServiceProvider.GetRequiredService<SlackApi>().AuthTestAsync(SlackRepeat.Never, ct);
            // A person's token (xoxp-) passes auth.test too, and OpsBot would then post as that person.
            if (me.BotId is null) throw new InvalidOperationException($"Slack:BotToken belongs to a person, not to the app's bot. {Fix}");
            bot.Current = me;
            log.LogInformation("Slack: signed in as bot user {UserId} in workspace {Team} ({TeamId})", me.UserId, me.Team, me.TeamId);
        }
        catch (SlackApiException e) when (TokenErrors.Contains(e.Error))
        {
            throw new InvalidOperationException($"Slack refused Slack:BotToken ({e.Error}). {Fix}", e);
        }
        catch (Exception e) when ((e is SlackApiException or HttpRequestException or TaskCanceledException) && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Slack auth.test failed at start; continuing without knowing the bot's own user id");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
