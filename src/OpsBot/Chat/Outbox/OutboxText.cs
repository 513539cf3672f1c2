using System.Resources;

namespace OpsBot.Chat.Outbox;

/// <summary>The outbox's own words (the alert about a message that could not be delivered), in OutboxText.resx.</summary>
internal static class OutboxText
{
    public static readonly ResourceManager Resources = new(typeof(OutboxText));
}
