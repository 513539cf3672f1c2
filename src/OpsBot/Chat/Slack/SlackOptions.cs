namespace OpsBot.Chat.Slack;

/// <summary>
/// Slack settings (section <c>Slack</c>). The inbound endpoints exist only with a signing secret; the Web
/// API client needs the bot token. Both come from configuration or the environment, never from code or logs.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Verifies every request Slack sends (Basic Information → Signing Secret).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API.</summary>
    public string? BotToken { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public SlackChannels Channels { get; set; } = new();

    /// <summary>Comma-separated Slack user ids who may approve proposals.</summary>
    public string? Approvers { get; set; }

    /// <summary>A user group id (S…) whose members may approve; looked up and cached briefly.</summary>
    public string? ApproverGroup { get; set; }

    public TimeSpan ApproverGroupCacheFor { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret) || !string.IsNullOrWhiteSpace(BotToken);
}

/// <summary>Channel ids (C…) the team reads; scheduled posts and proposals go there.</summary>
public sealed class SlackChannels
{
    public string? Daily { get; set; }
    public string? Weekly { get; set; }
    public string? Alerts { get; set; }
    public string? Approvals { get; set; }
}
