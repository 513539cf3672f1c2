using Microsoft.Extensions.Options;

namespace OpsBot.Metrics;

/// <summary>
/// The daily or weekly digest: every metric of metrics.md §4 for one period, as of T. Queries run one
/// after another: a DbContext takes one command at a time.
/// </summary>
public sealed class DigestQuery(
    OpsCalendar calendar, IOptions<OpsBotOptions> options, TimeProvider clock,
    SlaQuery sla, ReplyTimeQuery replyTimes, GmvQuery gmv, RefundQuery refunds, FunnelQuery funnel,
    ReferralQuery referral, CreatorOutliersQuery outliers, HighRefundRateQuery highRefunds)
{
    /// <summary>Daily = yesterday, weekly = the 7 days before today, in OpsBot:TimeZone.</summary>
    public Task<Digest> RunAsync(DigestKind kind, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var t = asOf ?? clock.GetUtcNow();
        var period = kind == DigestKind.Daily ? calendar.Daily(t) : calendar.Weekly(t);
        return ForPeriodAsync(period, t, ct);
    }

    /// <summary>The digest for any period.</summary>
    public Task<Digest> ForPeriodAsync(Period period, DateTimeOffset asOf, CancellationToken ct = default) =>
        BuildAsync(period, asOf, sameAsOf: null, ct);

    /// <summary>
    /// The digest of another period as of the same T (the week before, to compare with): what does not depend on
    /// the period (open threads now, month to date, the 30-day outliers and high refund rates) is taken from
    /// <paramref name="sameAsOf"/> instead of being queried again.
    /// </summary>
    public Task<Digest> ForOtherPeriodAsync(Period period, Digest sameAsOf, CancellationToken ct = default) =>
        BuildAsync(period, sameAsOf.AsOf, sameAsOf, ct);

    private async Task<Digest> BuildAsync(Period period, DateTimeOffset asOf, Digest? sameAsOf, CancellationToken ct)
    {
        var open = sameAsOf is { Sla: var s }
            ? new OpenThreads(s.OpenThreads, s.OnTrackThreads, s.OpenOnTrackPct, null)
            : await sla.OpenAsync(asOf, ct: ct);
        var answerRate = await sla.AnswerRateAsync(period, asOf, ct: ct);
        var replyHours = await replyTimes.ForPeriodAsync(period, asOf, ct: ct);
        var money = await gmv.ForPeriodAsync(period, asOf, ct: ct);
        var mtd = sameAsOf?.Gmv.MtdMinor ?? await gmv.GrossAsync(calendar.MonthToDate(asOf), asOf, ct: ct);
        var byCreator = await gmv.ByCreatorAsync(period, asOf, ct);

        return new Digest(
            asOf,
            options.Value.TimeZone,
            period,
            new DigestSla(open.Count, open.OnTrack, open.OnTrackShare, answerRate.Rate, answerRate.Due, replyHours),
            new DigestGmv(
                money.GrossMinor, mtd, money.NetMinor, money.RefundedMinor, options.Value.Currency, money.Threads,
                money.FastLane.ByGmv, money.Offer.ByGmv, money.FastLane.ByCount, money.Offer.ByCount, byCreator),
            await refunds.ForPeriodAsync(period, asOf, ct: ct),
            await funnel.ForPeriodAsync(period, asOf, ct: ct),
            await referral.ForPeriodAsync(period, asOf, ct),
            sameAsOf?.Outliers ?? await outliers.FindAsync(asOf, ct: ct),
            sameAsOf?.HighRefundRate ?? await highRefunds.FindAsync(asOf, ct: ct));
    }
}
