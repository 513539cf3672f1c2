using System.Resources;

namespace OpsBot.Chat.Slack;

/// <summary>What the Slack adapter itself says (busy, undeliverable), in SlackInboundText.resx.</summary>
internal static class SlackInboundText
{
    public static readonly ResourceManager Resources = new(typeof(SlackInboundText));
}
