using Microsoft.Extensions.Options;
using OpsBot.Metrics;

namespace OpsBot.Digest;

/// <summary>
/// The ops cadence's alert conditions as of T, with the figures behind them. The daily digest shows a line
/// per condition that holds; scheduled alerts can ask the same object.
/// </summary>
/// <param name="CriticalThreads">
/// Open threads with less than WarnHours left, overdue ones included (the radar's critical and overdue flags): the
/// cadence's "&gt; 5 threads &lt; 12h left". Counting only the critical flag would give the all clear while the
/// same threads pass their deadlines unanswered.
/// </param>
/// <param name="LastSevenDays">Refunds over the 7 local days before T's day (the weekly period).</param>
public sealed record AlertState(
    int CriticalThreads, double WarnHours, IReadOnlyList<CreatorOutlier> Outliers, IReadOnlyList<HighRefundRate> HighRefundRates,
    RefundSummary LastSevenDays, AlertThresholds Thresholds, HighRefundRateOptions HighRefundLevel)
{
    public bool TooManyCritical => CriticalThreads > Thresholds.CriticalThreads;

    public bool WeeklyRefundRateHigh => LastSevenDays.Rate > Thresholds.WeeklyRefundRate;

    /// <summary>How many of the four conditions hold.</summary>
    public int Holding => new[] { TooManyCritical, Outliers.Count > 0, HighRefundRates.Count > 0, WeeklyRefundRateHigh }.Count(held => held);

    public bool Any => Holding > 0;
}

/// <summary>Reads the alert figures through the metric queries, so an alert and the radar or digest never disagree.</summary>
public sealed class AlertConditions(
    OpsCalendar calendar, IOptions<AlertThresholds> thresholds, IOptions<OpsBotOptions> ops, RadarQuery radar, RefundQuery refunds,
    CreatorOutliersQuery outliers, HighRefundRateQuery highRefunds)
{
    public async Task<AlertState> RunAsync(DateTimeOffset asOf, CancellationToken ct = default) =>
        await RunAsync(asOf, await outliers.FindAsync(asOf, ct: ct), await highRefunds.FindAsync(asOf, ct: ct), ct);

    /// <summary>With the creator judgements a digest already holds, so they are not asked twice.</summary>
    public async Task<AlertState> RunAsync(
        DateTimeOffset asOf, IReadOnlyList<CreatorOutlier> outliersAsOf, IReadOnlyList<HighRefundRate> highRefundsAsOf, CancellationToken ct = default)
    {
        var open = await radar.RunAsync(new RadarRequest(asOf), ct)
            ?? throw new InvalidOperationException("The radar without a creator always answers.");
        var week = await refunds.ForPeriodAsync(calendar.Weekly(asOf), asOf, ct: ct);
        return new AlertState(open.Counts.Critical + open.Counts.Overdue, open.WarnHours, outliersAsOf, highRefundsAsOf, week, thresholds.Value,
            ops.Value.HighRefundRate);
    }
}
