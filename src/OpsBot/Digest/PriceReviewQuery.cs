using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;
using OpsBot.Metrics;

namespace OpsBot.Digest;

public enum PriceReviewReason { SlowFastLane, PriceAboveDelivery }

/// <param name="FastLaneMeanReplyHours">Mean reply of the week's fast-lane threads, when that is a reason.</param>
/// <param name="AnswerRate">The 30-day answer rate, when that is a reason.</param>
public sealed record PriceReview(
    string Handle, long StandardPriceMinor, decimal FastLaneFactor, bool FastLaneEnabled,
    IReadOnlyList<PriceReviewReason> Reasons, double? FastLaneMeanReplyHours, double? AnswerRate);

/// <summary>
/// The weekly "Pricing/Offer Adjust" ritual: creators whose standard price or fast-lane factor deserve a look.
/// <list type="bullet">
/// <item><see cref="PriceReviewReason.SlowFastLane"/>: fast lane enabled, but the week's fast-lane threads were
/// first answered after more than <c>Digest:PriceReview:FastLaneReplyHours</c> (24 h, the fast target) on
/// average, over at least <c>MinFastLaneReplies</c>: fans pay the fast factor for a reply that is not fast.</item>
/// <item><see cref="PriceReviewReason.PriceAboveDelivery"/>: an answer-rate outlier (under 60% over 30 days,
/// the metric's own rule) whose standard price is above the median of active creators.</item>
/// </list>
/// </summary>
public sealed class PriceReviewQuery(OpsDbContext db, IOptions<DigestOptions> options)
{
    private const double MsPerHour = 3_600_000d;

    public async Task<IReadOnlyList<PriceReview>> RunAsync(
        Period week, DateTimeOffset asOf, IReadOnlyList<CreatorOutlier> outliers, CancellationToken ct = default)
    {
        var rule = options.Value.PriceReview;
        var limitMs = (long)(rule.FastLaneReplyHours * MsPerHour);
        var slow = await (
                from g in db.Threads.FirstAnsweredIn(week.EndingBy(asOf)).Where(t => t.Lane == Lane.Fast)
                    .GroupBy(t => t.CreatorId)
                    .Select(g => new { CreatorId = g.Key, Count = g.Count(), ReplyMs = g.Sum(t => t.ReplyMs) ?? 0 })
                // mean > limit ⇔ sum > limit · count, in integers.
                where g.Count >= rule.MinFastLaneReplies && g.ReplyMs > limitMs * g.Count
                join c in db.Creators.Where(c => c.FastLaneEnabled) on g.CreatorId equals c.Id
                select new { c.Handle, MeanHours = g.ReplyMs / MsPerHour / g.Count })
            .ToDictionaryAsync(s => s.Handle, s => s.MeanHours, ct);

        var median = await MedianActivePriceAsync(asOf, ct);
        var unreliable = outliers.Where(o => o.Reasons.Contains(OutlierReason.AnswerRate)).ToDictionary(o => o.Handle, o => o.AnswerRate);
        var candidates = slow.Keys.Union(unreliable.Keys).ToList();
        var creators = await db.Creators.AsNoTracking().Where(c => candidates.Contains(c.Handle)).ToListAsync(ct);

        bool Overpriced(Creator c) => unreliable.ContainsKey(c.Handle) && c.StandardPriceMinor > median;
        IEnumerable<PriceReviewReason> ReasonsOf(Creator c)
        {
            if (slow.ContainsKey(c.Handle)) yield return PriceReviewReason.SlowFastLane;
            if (Overpriced(c)) yield return PriceReviewReason.PriceAboveDelivery;
        }

        return creators
            .Select(c => new PriceReview(
                c.Handle, c.StandardPriceMinor, c.FastLaneFactor, c.FastLaneEnabled, [.. ReasonsOf(c)],
                slow.TryGetValue(c.Handle, out var mean) ? mean : null,
                Overpriced(c) ? unreliable[c.Handle] : null))
            .Where(r => r.Reasons.Count > 0)
            .OrderBy(r => r.Handle, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The median standard price of creators active as of T, read by rank in SQL; null when there are none.</summary>
    private async Task<double?> MedianActivePriceAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        var prices = db.Creators.Where(c => c.CheckoutStatus == CheckoutStatus.Active && c.JoinedAt <= asOf).Select(c => c.StandardPriceMinor);
        var count = await prices.CountAsync(ct);
        if (count == 0) return null;
        var middle = await prices.OrderBy(p => p).Skip((count - 1) / 2).Take(2 - count % 2).ToListAsync(ct);
        return middle.Average();
    }
}
