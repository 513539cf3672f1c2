using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>
/// A paid question. Its state as of any time T is derived from the timestamps (metrics.md §3);
/// the first reply and first refund are kept on the row so metrics stay plain SQL over one table.
/// </summary>
public sealed class Thread
{
    public required string Id { get; set; }
    public required string CreatorId { get; set; }
    public required string FanId { get; set; }
    public string? CheckoutId { get; set; }
    public Lane Lane { get; set; }
    public string? OfferId { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DeadlineAt { get; set; }

    /// <summary>DeadlineAt − CreatedAt in ms, stored because date arithmetic does not translate on SQLite.</summary>
    public long AllowedMs { get; set; }

    /// <summary>Earliest reply. As of T the thread is answered iff FirstReplyAt ≤ T, so one column serves every T.</summary>
    public DateTimeOffset? FirstReplyAt { get; set; }

    /// <summary>FirstReplyAt − CreatedAt in ms.</summary>
    public long? ReplyMs { get; set; }

    /// <summary>Earliest refund.</summary>
    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>min(FirstReplyAt, RefundedAt): open as of T ⇔ CreatedAt ≤ T and (ClosedAt is null or &gt; T), one indexable range.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public ThreadStatus StatusAsOf(DateTimeOffset asOf) =>
        FirstReplyAt <= asOf ? ThreadStatus.Answered
        : RefundedAt <= asOf ? ThreadStatus.Refunded
        : ThreadStatus.Open;

    /// <summary>Recomputes the derived columns after a reply or refund arrived (in any order).</summary>
    public void ApplyReply(DateTimeOffset at)
    {
        if (FirstReplyAt is null || at < FirstReplyAt) FirstReplyAt = at;
        ReplyMs = (long)(FirstReplyAt.Value - CreatedAt).TotalMilliseconds;
        UpdateClosedAt();
    }

    public void ApplyRefund(DateTimeOffset at)
    {
        if (RefundedAt is null || at < RefundedAt) RefundedAt = at;
        UpdateClosedAt();
    }

    private void UpdateClosedAt() =>
        ClosedAt = (FirstReplyAt, RefundedAt) switch
        {
            ({ } r, { } f) => r < f ? r : f,
            ({ } r, null) => r,
            (null, var f) => f,
        };

    internal sealed class Configuration : IEntityTypeConfiguration<Thread>
    {
        public void Configure(EntityTypeBuilder<Thread> b)
        {
            b.ToTable("Threads");
            b.Property(t => t.Id).HasMaxLength(Limits.Id);
            b.Property(t => t.CreatorId).HasMaxLength(Limits.Id);
            b.Property(t => t.FanId).HasMaxLength(Limits.Id);
            b.Property(t => t.CheckoutId).HasMaxLength(Limits.Id);
            b.Property(t => t.OfferId).HasMaxLength(Limits.Id);
            b.Property(t => t.Currency).HasMaxLength(3);
            b.Property(t => t.Lane).HasConversion<string>().HasMaxLength(Limits.Code);
            // Radar: open threads by deadline.
            b.HasIndex(t => new { t.ClosedAt, t.DeadlineAt });
            // GMV, funnel, refund rate: threads created in a period, per creator.
            b.HasIndex(t => new { t.CreatedAt, t.CreatorId, t.AmountMinor });
            b.HasIndex(t => new { t.CreatorId, t.CreatedAt });
            // Answer rate and creator outliers: threads due in a period, per creator. Covering, so the
            // 30-day window never reads table rows (10× faster at 1M threads on SQLite).
            b.HasIndex(t => new { t.DeadlineAt, t.CreatorId, t.FirstReplyAt });
            // Reply times (median, p90 per lane) and creator outliers: threads first answered in a period. Covering.
            b.HasIndex(t => new { t.FirstReplyAt, t.CreatorId, t.Lane, t.ReplyMs, t.AllowedMs });
            // One creator's card: the same sets for one creator. SQLite has no statistics, so it takes any
            // index starting with CreatorId = ? over the global ones above; without these it walks the
            // creator's whole history through (CreatorId, CreatedAt) (600 ms for a creator with 37k threads).
            // Open threads (both ranges of AsOfFilters.OpenAsOf). Covering for the open count: the range
            // ClosedAt > T ties on cost with CreatedAt <= T on (CreatorId, CreatedAt), and covering breaks the tie.
            b.HasIndex(t => new { t.CreatorId, t.ClosedAt, t.CreatedAt, t.DeadlineAt });
            // Threads due in a period (answer rate, outliers). Covering.
            b.HasIndex(t => new { t.CreatorId, t.DeadlineAt, t.FirstReplyAt });
            // Threads first answered in a period (reply times, outliers). Covering.
            b.HasIndex(t => new { t.CreatorId, t.FirstReplyAt, t.Lane, t.ReplyMs, t.AllowedMs });
            // Refunds issued in a period: only the creator's refunded threads (AsOfFilters.KnownRefundsIn).
            b.HasIndex(t => new { t.CreatorId, t.RefundedAt });
        }
    }
}

public enum Lane { Standard, Fast }

public enum ThreadStatus { Open, Answered, Refunded }
