using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>
/// A creator's card: the same metric queries as the digest, restricted to one creator, so the card
/// and the digest can never disagree.
/// </summary>
public sealed class CreatorCardQuery(
    OpsDbContext db, OpsCalendar calendar, TimeProvider clock, CreatorLookup creators,
    SlaQuery sla, ReplyTimeQuery replyTimes, GmvQuery gmv, RefundQuery refunds,
    CreatorOutliersQuery outliers, HighRefundRateQuery highRefunds)
{
    /// <returns>null for an unknown handle (see <see cref="CreatorLookup.SuggestHandlesAsync"/>).</returns>
    public async Task<CreatorCard?> RunAsync(string handle, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var creator = await creators.FindAsync(handle, ct);
        if (creator is null) return null;
        var t = asOf ?? clock.GetUtcNow();
        var window = CreatorWindow.Of(t);
        var id = creator.Id;

        // EXISTS rather than a join: SQLite then reads the window's flags (a few hundred) and looks up
        // each thread, instead of walking every thread of a large creator to look up its flags.
        var flags = await db.MessageFlags
            .Where(f => f.At >= window.From && f.At < window.To)
            .Where(f => db.Threads.Any(th => th.Id == f.ThreadId && th.CreatorId == id))
            .CountAsync(ct);
        // The repeated-misses playbook's flag lives in the audit log: the latest one in the window, as of T.
        var flaggedAt = await db.AuditLog
            .Where(e => e.CreatorId == id && e.Action == AuditActions.CreatorFlagged && e.At >= window.From && e.At <= t)
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        var referred = creator.ReferralCode is { } code
            ? await db.Creators.Where(c => c.ReferredByCode == code && c.JoinedAt <= t).OrderBy(c => c.HandleKey).Select(c => c.Handle).ToListAsync(ct)
            : [];

        return new CreatorCard(
            t,
            window,
            CreatorProfile.Of(creator),
            await sla.OpenAsync(t, id, ct),
            await sla.AnswerRateAsync(window, t, id, ct),
            await replyTimes.ForPeriodAsync(window, t, id, ct),
            await gmv.GrossAsync(calendar.MonthToDate(t), t, id, ct),
            await refunds.ForPeriodAsync(window, t, id, ct),
            flags,
            referred,
            (await outliers.FindAsync(t, id, ct)).SingleOrDefault(),
            (await highRefunds.FindAsync(t, id, ct)).SingleOrDefault(),
            flaggedAt);
    }
}
