using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>What an alert is about; the subject names which one (<c>critical-threads</c>, <c>outlier:c_42</c>).</summary>
public enum AlertKind { CriticalThreads, Outlier, CreatorRefundRate, WeeklyRefundRate }

/// <summary>
/// One episode of an alert: raised by a sweep when its condition starts to hold, updated in place while it holds,
/// closed with an all clear. A subject that comes back after that is a new episode (a new row, a new post).
/// At most one episode per subject is open (a filtered unique index), and (<see cref="Subject"/>,
/// <see cref="RaisedAt"/>) is unique, so a retried sweep occurrence cannot raise twice.
/// </summary>
public sealed class Alert
{
    public const int SubjectLength = 160, FiguresLength = 500;

    public long Id { get; set; }

    /// <summary><c>critical-threads</c>, <c>weekly-refund-rate</c>, <c>outlier:&lt;creatorId&gt;</c> or <c>refund-rate:&lt;creatorId&gt;</c>.</summary>
    public required string Subject { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary>The sweep occurrence that raised it (not when that sweep ran: a retry must find the same key).</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>The outbox key of the post; updates and the all clear rewrite it in place.</summary>
    public required string PostKey { get; set; }

    /// <summary>The figures the post shows now, in a fixed invariant form: a sweep that reads the same updates nothing.</summary>
    public required string Figures { get; set; }

    /// <summary>The last sweep occurrence that looked at it, so a retried occurrence does not count a sweep twice.</summary>
    public DateTimeOffset LastSweepAt { get; set; }

    /// <summary>Consecutive sweeps at or below the clear level; any other sweep resets it.</summary>
    public int CleanSweeps { get; set; }

    /// <summary>The sweep occurrence that gave the all clear; null while open.</summary>
    public DateTimeOffset? ClearedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Alert>
    {
        public void Configure(EntityTypeBuilder<Alert> b)
        {
            b.Property(a => a.Subject).HasMaxLength(SubjectLength);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(a => a.PostKey).HasMaxLength(OutboxMessage.KeyLength);
            b.Property(a => a.Figures).HasMaxLength(FiguresLength);
            b.HasIndex(a => new { a.Subject, a.RaisedAt }).IsUnique();
            // Unquoted, so the one filter reads the same on SQLite and SQL Server.
            b.HasIndex(a => a.Subject).IsUnique().HasFilter("ClearedAt IS NULL").HasDatabaseName("IX_Alerts_OpenSubject");
        }
    }
}
