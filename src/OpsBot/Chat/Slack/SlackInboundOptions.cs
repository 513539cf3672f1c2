namespace OpsBot.Chat.Slack;

/// <summary>How OpsBot answers what Slack sends it (section <c>Slack</c>, next to <see cref="SlackOptions"/>).</summary>
public sealed class SlackInboundOptions
{
    /// <summary>
    /// How long a slash command may run before the answer goes through response_url instead of the HTTP
    /// answer. Slack gives up after 3 seconds, so this stays well below, with room for the network.
    /// </summary>
    public TimeSpan InlineAckBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Answers waiting to be sent through response_url; beyond this, Slack users are told OpsBot is busy.</summary>
    public int QueueCapacity { get; set; } = 100;

    /// <summary>A command or button still running after this is cancelled (a response_url expires after 30 minutes anyway).</summary>
    public TimeSpan WorkTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
