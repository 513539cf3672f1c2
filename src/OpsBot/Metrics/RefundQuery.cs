using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>Refund counts per reason; every reason is always present (JSON names as in metrics.md §5).</summary>
public sealed record RefundsByReason(
    [property: System.Text.Json.Serialization.JsonPropertyName("sla_miss")] int SlaMiss,
    [property: System.Text.Json.Serialization.JsonPropertyName("poor_answer")] int PoorAnswer,
    [property: System.Text.Json.Serialization.JsonPropertyName("other")] int Other);

/// <summary>The refunded amount (minor units) per reason, beside <see cref="RefundsByReason"/>'s counts.</summary>
public sealed record RefundAmountsByReason(
    [property: System.Text.Json.Serialization.JsonPropertyName("sla_miss")] long SlaMiss,
    [property: System.Text.Json.Serialization.JsonPropertyName("poor_answer")] long PoorAnswer,
    [property: System.Text.Json.Serialization.JsonPropertyName("other")] long Other);

/// <summary>Refunds issued in a period; Rate = Count ÷ ThreadsCreated in the same period (null when none created).</summary>
public sealed record RefundSummary(
    int Count, long AmountMinor, int ThreadsCreated, double? Rate, RefundsByReason ByReason, RefundAmountsByReason AmountMinorByReason);

/// <summary>metrics.md "refund rate" with byReason.</summary>
public sealed class RefundQuery(OpsDbContext db)
{
    public async Task<RefundSummary> ForPeriodAsync(Period period, DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        period = period.EndingBy(asOf);
        var reasons = await db.KnownRefundsIn(period, asOf, creatorId)
            .GroupBy(r => r.Reason)
            .Select(g => new { Reason = g.Key, Count = g.Count(), AmountMinor = g.Sum(r => r.AmountMinor) })
            .ToListAsync(ct);
        var created = await db.Threads.CreatedIn(period).OfCreator(creatorId).CountAsync(ct);

        int CountOf(RefundReason reason) => reasons.Where(r => r.Reason == reason).Sum(r => r.Count);
        long AmountOf(RefundReason reason) => reasons.Where(r => r.Reason == reason).Sum(r => r.AmountMinor);
        var count = reasons.Sum(r => r.Count);
        return new RefundSummary(
            count,
            reasons.Sum(r => r.AmountMinor),
            created,
            Fraction.Of(count, created),
            new RefundsByReason(CountOf(RefundReason.SlaMiss), CountOf(RefundReason.PoorAnswer), CountOf(RefundReason.Other)),
            new RefundAmountsByReason(AmountOf(RefundReason.SlaMiss), AmountOf(RefundReason.PoorAnswer), AmountOf(RefundReason.Other)));
    }
}
