using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>A share by GMV and by thread count; null when the period has no GMV (or no threads).</summary>
public sealed record Share(double? ByGmv, double? ByCount);

/// <summary>Gross GMV of threads created in a period, the refunds issued in it, and the lane and offer shares.</summary>
public sealed record Gmv(long GrossMinor, long RefundedMinor, long NetMinor, int Threads, Share FastLane, Share Offer);

public sealed record CreatorGmv(string Handle, long GmvMinor, long NetMinor);

/// <summary>metrics.md "GMV" (gross, net, per creator) and "fast-lane share, offer share".</summary>
public sealed class GmvQuery(OpsDbContext db)
{
    public async Task<Gmv> ForPeriodAsync(Period period, DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        period = period.EndingBy(asOf);
        // One pass over the period's threads gives the total and both shares.
        var row = await db.Threads.CreatedIn(period).OfCreator(creatorId)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Threads = g.Count(),
                Gross = g.Sum(t => t.AmountMinor),
                FastThreads = g.Count(t => t.Lane == Lane.Fast),
                Fast = g.Sum(t => t.Lane == Lane.Fast ? t.AmountMinor : 0),
                OfferThreads = g.Count(t => t.OfferId != null),
                Offer = g.Sum(t => t.OfferId != null ? t.AmountMinor : 0),
            })
            .SingleOrDefaultAsync(ct);
        var refunded = await db.KnownRefundsIn(period, asOf, creatorId).SumAsync(r => r.AmountMinor, ct);
        if (row is null) return new Gmv(0, refunded, -refunded, 0, new Share(null, null), new Share(null, null));
        return new Gmv(
            row.Gross, refunded, row.Gross - refunded, row.Threads,
            new Share(Fraction.Of(row.Fast, row.Gross), Fraction.Of(row.FastThreads, row.Threads)),
            new Share(Fraction.Of(row.Offer, row.Gross), Fraction.Of(row.OfferThreads, row.Threads)));
    }

    /// <summary>Gross GMV only (month to date in the digest and on the creator card).</summary>
    public Task<long> GrossAsync(Period period, DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default) =>
        db.Threads.CreatedIn(period.EndingBy(asOf)).OfCreator(creatorId).SumAsync(t => t.AmountMinor, ct);

    /// <summary>Every creator with GMV &gt; 0 in the period, largest first, ties by handle; net subtracts their refunds issued in it.</summary>
    public async Task<IReadOnlyList<CreatorGmv>> ByCreatorAsync(Period period, DateTimeOffset asOf, CancellationToken ct = default)
    {
        period = period.EndingBy(asOf);
        var gross = await (
                from g in db.Threads.CreatedIn(period).GroupBy(t => t.CreatorId)
                    .Select(g => new { CreatorId = g.Key, Gmv = g.Sum(t => t.AmountMinor) })
                where g.Gmv > 0
                join c in db.Creators on g.CreatorId equals c.Id into creators
                from c in creators.DefaultIfEmpty()
                select new { g.CreatorId, Handle = c == null ? g.CreatorId : c.Handle, g.Gmv })
            .ToListAsync(ct);
        var refunded = await db.KnownRefundsIn(period, asOf)
            .GroupBy(r => r.CreatorId)
            .Select(g => new { CreatorId = g.Key, AmountMinor = g.Sum(r => r.AmountMinor) })
            .ToDictionaryAsync(r => r.CreatorId, r => r.AmountMinor, ct);
        return gross
            .Select(g => new CreatorGmv(g.Handle, g.Gmv, g.Gmv - refunded.GetValueOrDefault(g.CreatorId)))
            .OrderByDescending(g => g.GmvMinor).ThenBy(g => g.Handle, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
