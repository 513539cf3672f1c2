using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>Each step's count ÷ the step before; null when the step before is zero.</summary>
public sealed record FunnelRates(double? VisitToCheckout, double? CheckoutToThread, double? ThreadToFirstReply);

/// <summary>Chat visits → checkouts started → threads created → of those, threads with a first reply (as of T).</summary>
public sealed record Funnel(int Visits, int Checkouts, int Threads, int FirstReplies, FunnelRates Rates);

/// <summary>metrics.md "funnel".</summary>
public sealed class FunnelQuery(OpsDbContext db)
{
    public async Task<Funnel> ForPeriodAsync(Period period, DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        period = period.EndingBy(asOf);
        var visits = db.ChatVisits.Where(v => v.At >= period.From && v.At < period.To);
        var checkouts = db.Checkouts.Where(c => c.At >= period.From && c.At < period.To);
        if (creatorId is not null)
        {
            visits = visits.Where(v => v.CreatorId == creatorId);
            checkouts = checkouts.Where(c => c.CreatorId == creatorId);
        }
        var visitCount = await visits.CountAsync(ct);
        var checkoutCount = await checkouts.CountAsync(ct);
        // A thread created in the period counts as replied when its first reply came by T, even after the period.
        var threads = await db.Threads.CreatedIn(period).OfCreator(creatorId)
            .GroupBy(_ => 1)
            .Select(g => new { Created = g.Count(), Replied = g.Count(t => t.FirstReplyAt <= asOf) })
            .SingleOrDefaultAsync(ct);
        var (created, replied) = threads is null ? (0, 0) : (threads.Created, threads.Replied);
        return new Funnel(visitCount, checkoutCount, created, replied, new FunnelRates(
            Fraction.Of(checkoutCount, visitCount), Fraction.Of(created, checkoutCount), Fraction.Of(replied, created)));
    }
}
