using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>How a nudge reached the creator.</summary>
public enum NudgeVia { Dm, Email, None }

/// <summary>What became of one thread crossing one offset before its deadline.</summary>
public enum NudgeStatus
{
    /// <summary>Put in the outbox, in a DM or an email to the creator.</summary>
    Sent,
    /// <summary>The creator was opted out: recorded, not sent.</summary>
    OptedOut,
    /// <summary>No chat identity and no email: listed in the alerts channel instead.</summary>
    CouldNotNudge,
    /// <summary>A smaller offset was crossed in the same sweep (OpsBot was down): only that one is sent.</summary>
    Superseded,
}

/// <summary>
/// One thread crossing one offset before its deadline (<c>Nudges:Offsets</c>), recorded once. The unique
/// (<see cref="ThreadId"/>, <see cref="OffsetMinutes"/>) pair is the guard: a retried sweep or a second instance
/// that tries to record it again loses the insert and sends nothing.
/// </summary>
public sealed class Nudge
{
    public long Id { get; set; }
    public required string ThreadId { get; set; }
    public required string CreatorId { get; set; }

    /// <summary>The offset crossed, in whole minutes (720 for 12 hours).</summary>
    public int OffsetMinutes { get; set; }

    public NudgeVia Via { get; set; }
    public NudgeStatus Status { get; set; }

    /// <summary>The outbox message that carried it (the DM, the email or the could-not-nudge alert); null when nothing was sent.</summary>
    public string? OutboxKey { get; set; }

    public DateTimeOffset At { get; set; }

    public TimeSpan Offset => TimeSpan.FromMinutes(OffsetMinutes);

    internal sealed class Configuration : IEntityTypeConfiguration<Nudge>
    {
        public void Configure(EntityTypeBuilder<Nudge> b)
        {
            b.Property(n => n.ThreadId).HasMaxLength(Limits.Id);
            b.Property(n => n.CreatorId).HasMaxLength(Limits.Id);
            b.Property(n => n.Via).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(n => n.Status).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(n => n.OutboxKey).HasMaxLength(OutboxMessage.KeyLength);
            b.HasIndex(n => new { n.ThreadId, n.OffsetMinutes }).IsUnique();
            // /ops nudges: the last 7 days, overall or for one creator, newest first.
            b.HasIndex(n => n.At);
            b.HasIndex(n => new { n.CreatorId, n.At });
        }
    }
}
