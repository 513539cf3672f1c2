using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>A creator whose refunds issued ÷ threads created over the creator window exceed the high-refund-rate level.</summary>
public sealed record HighRefundRate(string CreatorId, string Handle, int Refunds, int ThreadsCreated, double Rate);

/// <summary>
/// metrics.md "high refund rate": above <c>OpsBot:HighRefundRate:RateAbove</c> (10%) with at least
/// <c>OpsBot:HighRefundRate:MinThreads</c> (10) threads created in [T − 30×24h, T).
/// </summary>
public sealed class HighRefundRateQuery(OpsDbContext db, IOptions<OpsBotOptions> options)
{
    private HighRefundRateOptions Level => options.Value.HighRefundRate;

    /// <summary>Highest rate first, then by handle; with <paramref name="creatorId"/> only that creator.</summary>
    public async Task<IReadOnlyList<HighRefundRate>> FindAsync(DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        var window = CreatorWindow.Of(asOf);
        var (minThreads, rateAbove) = (Level.MinThreads, (decimal)Level.RateAbove);
        var created = await db.Threads.CreatedIn(window).OfCreator(creatorId)
            .GroupBy(t => t.CreatorId)
            .Select(g => new { CreatorId = g.Key, Count = g.Count() })
            .Where(g => g.Count >= minThreads)
            .ToDictionaryAsync(g => g.CreatorId, g => g.Count, ct);
        var refunds = await db.KnownRefundsIn(window, asOf, creatorId)
            .GroupBy(r => r.CreatorId)
            .Select(g => new { CreatorId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        // refunds ÷ created > level  ⇔  refunds > level · created, in decimals: exactly at the level is not flagged.
        var high = refunds
            .Where(r => created.TryGetValue(r.CreatorId, out var threads) && r.Count > rateAbove * threads)
            .Select(r => (r.CreatorId, r.Count, Threads: created[r.CreatorId]))
            .ToList();
        var handles = await db.HandlesByIdAsync(high.Select(h => h.CreatorId).ToList(), ct);
        return high
            .Select(h => new HighRefundRate(h.CreatorId, handles.GetValueOrDefault(h.CreatorId, h.CreatorId), h.Count, h.Threads, (double)h.Count / h.Threads))
            .OrderByDescending(h => h.Rate).ThenBy(h => h.Handle, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
