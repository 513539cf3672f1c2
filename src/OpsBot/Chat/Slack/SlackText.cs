using System.Resources;

namespace OpsBot.Chat.Slack;

/// <summary>The words only Slack shows (the confirmation dialog's title and buttons, the prompt modal's) in SlackText.resx.</summary>
internal static class SlackText
{
    public static readonly ResourceManager Resources = new(typeof(SlackText));
}
