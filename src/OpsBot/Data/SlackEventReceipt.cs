using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>
/// A Slack Events API delivery OpsBot has claimed. Slack redelivers an event it thinks timed out
/// (<c>X-Slack-Retry-Num</c>), and several OpsBot instances may receive it: inserting this row is the
/// claim, and the key on <see cref="EventId"/> lets exactly one of them handle the event.
/// </summary>
public sealed class SlackEventReceipt
{
    public const int TypeLength = 64;

    /// <summary>Slack's <c>event_id</c> (Ev…), the same on every redelivery.</summary>
    public required string EventId { get; set; }

    /// <summary>The inner event's type, <c>app_mention</c> for example.</summary>
    public required string EventType { get; set; }

    public string? TeamId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<SlackEventReceipt>
    {
        public void Configure(EntityTypeBuilder<SlackEventReceipt> b)
        {
            b.HasKey(r => r.EventId);
            b.Property(r => r.EventId).HasMaxLength(Limits.Id);
            b.Property(r => r.EventType).HasMaxLength(TypeLength);
            b.Property(r => r.TeamId).HasMaxLength(Limits.Id);
        }
    }
}
