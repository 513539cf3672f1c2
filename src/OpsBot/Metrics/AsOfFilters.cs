using OpsBot.Data;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Metrics;

/// <summary>
/// The thread and refund sets metrics.md §3–4 speak of, as SQL predicates on indexed columns.
/// Each takes the as-of time T or a period already cut off at T, so a fact after T never counts.
/// </summary>
public static class AsOfFilters
{
    /// <summary>
    /// Open as of T: created by T, with no first reply and no refund at or before T. ClosedAt is
    /// min(first reply, refund), so this is two ranges of the (ClosedAt, DeadlineAt) index: never closed,
    /// or closed after T. They are a UNION ALL rather than an OR because SQLite, without statistics,
    /// otherwise walks the CreatedAt or DeadlineAt index over every thread (seconds at 1M threads).
    /// Callers must not ORDER BY this in SQL either, for the same reason: sort the few open threads in memory.
    /// </summary>
    public static IQueryable<Thread> OpenAsOf(this IQueryable<Thread> threads, DateTimeOffset asOf) =>
        threads.Where(t => t.ClosedAt == null && t.CreatedAt <= asOf)
            .Concat(threads.Where(t => t.ClosedAt > asOf && t.CreatedAt <= asOf));

    public static IQueryable<Thread> CreatedIn(this IQueryable<Thread> threads, Period period) =>
        threads.Where(t => t.CreatedAt >= period.From && t.CreatedAt < period.To);

    /// <summary>Threads whose deadline falls in the period (the answer rate's denominator).</summary>
    public static IQueryable<Thread> DueIn(this IQueryable<Thread> threads, Period period) =>
        threads.Where(t => t.DeadlineAt >= period.From && t.DeadlineAt < period.To);

    /// <summary>Threads whose first reply falls in the period (reply times are measured on these).</summary>
    public static IQueryable<Thread> FirstAnsweredIn(this IQueryable<Thread> threads, Period period) =>
        threads.Where(t => t.FirstReplyAt >= period.From && t.FirstReplyAt < period.To);

    /// <summary>All creators when <paramref name="creatorId"/> is null; composed in C# so SQL keeps a plain equality.</summary>
    public static IQueryable<Thread> OfCreator(this IQueryable<Thread> threads, string? creatorId) =>
        creatorId is null ? threads : threads.Where(t => t.CreatorId == creatorId);

    /// <summary>
    /// Refunds issued in the period whose thread is known as of T. A refund that arrived before its
    /// thread (an orphan) is not counted until the thread is stored.
    /// </summary>
    /// <remarks>
    /// RefundedAt is the thread's earliest refund, so a thread with a refund issued before the period's
    /// end has RefundedAt before it too: the condition changes no result, but lets SQLite walk only a
    /// creator's refunded threads (the (CreatorId, RefundedAt) index) instead of their whole history.
    /// The IS NOT NULL makes it a two-sided range, which SQLite, without statistics, ranks above
    /// (CreatorId, CreatedAt).
    /// </remarks>
    public static IQueryable<KnownRefund> KnownRefundsIn(this OpsDbContext db, Period period, DateTimeOffset asOf, string? creatorId = null)
    {
        var issued = period.EndingBy(asOf);
        var refundedThreads = db.Threads.Where(t => t.CreatedAt <= asOf && t.RefundedAt != null && t.RefundedAt < issued.To);
        return from r in db.Refunds
               where r.At >= issued.From && r.At < issued.To
               join t in refundedThreads.OfCreator(creatorId) on r.ThreadId equals t.Id
               select new KnownRefund { CreatorId = t.CreatorId, Reason = r.Reason, AmountMinor = r.AmountMinor };
    }
}

/// <summary>A refund joined to its thread's creator; a member-init shape so EF can group on it.</summary>
public sealed class KnownRefund
{
    public required string CreatorId { get; init; }
    public RefundReason Reason { get; init; }
    public long AmountMinor { get; init; }
}
