using Microsoft.Extensions.Options;
using OpsBot.Data;
using OpsBot.Digest;
using OpsBot.Metrics;

namespace OpsBot.Alerts;

/// <summary>
/// Reads every subject for one sweep: the ones whose condition holds, from <see cref="AlertConditions"/> (so an alert
/// never disagrees with the radar or digest), and a fresh look at each open alert's subject that no longer holds,
/// to tell easing from clear (see <see cref="AlertSweepOptions"/>).
/// </summary>
public sealed class AlertReadings(
    AlertConditions conditions, CreatorOutliersQuery outliers, RefundQuery refunds, OpsDbContext db,
    IOptions<AlertSweepOptions> options, IOptions<OpsBotOptions> ops)
{
    // Rates are quotients of counts: 4 of 100 must read as "at" a 4% level despite binary fractions.
    private const double Tolerance = 1e-9;

    private double Margin => options.Value.RateClearMargin;

    public async Task<IReadOnlyList<AlertReading>> ReadAsync(DateTimeOffset asOf, IReadOnlyCollection<Alert> open, CancellationToken ct)
    {
        var state = await conditions.RunAsync(asOf, ct);
        var openSubjects = open.Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);
        var readings = new List<AlertReading>();
        if (state.TooManyCritical || openSubjects.Contains(AlertSubjects.CriticalThreads)) readings.Add(Critical(state));
        if (state.WeeklyRefundRateHigh || openSubjects.Contains(AlertSubjects.WeeklyRefundRate)) readings.Add(Weekly(state));
        readings.AddRange(state.Outliers.Select(o => new AlertReading(AlertSubjects.Outlier(o.CreatorId), AlertKind.Outlier, AlertLevel.Holds, Outlier(o))));
        readings.AddRange(state.HighRefundRates.Select(h => new AlertReading(AlertSubjects.RefundRate(h.CreatorId), AlertKind.CreatorRefundRate,
            AlertLevel.Holds, CreatorRefunds(h.Handle, h.Refunds, h.ThreadsCreated, h.Rate))));

        var read = readings.Select(r => r.Subject).ToHashSet(StringComparer.Ordinal);
        foreach (var alert in open.Where(a => !read.Contains(a.Subject)))
            readings.Add(alert.Kind == AlertKind.Outlier ? await OutlierEasedAsync(alert, asOf, ct) : await CreatorRefundRateEasedAsync(alert, asOf, ct));
        return readings;
    }

    private AlertReading Critical(AlertState state)
    {
        var figures = new CriticalThreadsFigures(state.CriticalThreads, state.WarnHours, state.Thresholds.CriticalThreads,
            Math.Max(0, state.Thresholds.CriticalThreads - options.Value.CriticalThreadsClearMargin));
        var level = state.TooManyCritical ? AlertLevel.Holds : figures.Critical <= figures.ClearAtOrBelow ? AlertLevel.Clear : AlertLevel.Easing;
        return new AlertReading(AlertSubjects.CriticalThreads, AlertKind.CriticalThreads, level, figures);
    }

    private AlertReading Weekly(AlertState state)
    {
        var raiseAbove = state.Thresholds.WeeklyRefundRate;
        var figures = new WeeklyRefundFigures(state.LastSevenDays, raiseAbove, ClearBelow(raiseAbove));
        var level = state.WeeklyRefundRateHigh ? AlertLevel.Holds : RateLevel(state.LastSevenDays.Rate, figures.ClearAtOrBelow);
        return new AlertReading(AlertSubjects.WeeklyRefundRate, AlertKind.WeeklyRefundRate, level, figures);
    }

    private OutlierFigures Outlier(CreatorOutlier creator)
    {
        var minAnswerRate = ops.Value.Outliers.MinAnswerRate;
        return new OutlierFigures(creator, minAnswerRate, Math.Min(1, minAnswerRate + Margin), 1 - Margin);
    }

    private CreatorRefundFigures CreatorRefunds(string handle, int refunds, int threads, double? rate)
    {
        var level = ops.Value.HighRefundRate;
        return new(handle, refunds, threads, rate, level.RateAbove, ClearBelow(level.RateAbove), level.MinThreads);
    }

    /// <summary>A creator no longer flagged: clear once each judgement is back past its margin, or has too small a sample to judge.</summary>
    private async Task<AlertReading> OutlierEasedAsync(Alert alert, DateTimeOffset asOf, CancellationToken ct)
    {
        var creatorId = AlertSubjects.CreatorOf(alert);
        var minSample = ops.Value.Outliers.MinSample;
        var creator = await outliers.FiguresOfAsync(asOf, creatorId, ct)
            ?? new CreatorOutlier(creatorId, await HandleAsync(creatorId, ct), null, null, [], 0, 0, null);
        var figures = Outlier(creator);
        var answering = creator.DueThreads < minSample || creator.AnswerRate >= figures.ClearAnswerRate - Tolerance;
        var replying = creator.AnsweredThreads < minSample || creator.MeanReplyHours <= creator.MeanAllowedHours * figures.ClearReplyShare + Tolerance;
        var level = creator.Reasons.Count > 0 ? AlertLevel.Holds : answering && replying ? AlertLevel.Clear : AlertLevel.Easing;
        return new AlertReading(alert.Subject, alert.Kind, level, figures);
    }

    /// <summary>The same rate as <see cref="HighRefundRateQuery"/> (refunds issued ÷ threads created over the creator window), for a creator it no longer flags.</summary>
    private async Task<AlertReading> CreatorRefundRateEasedAsync(Alert alert, DateTimeOffset asOf, CancellationToken ct)
    {
        var creatorId = AlertSubjects.CreatorOf(alert);
        var window = await refunds.ForPeriodAsync(CreatorWindow.Of(asOf), asOf, creatorId, ct);
        var figures = CreatorRefunds(await HandleAsync(creatorId, ct), window.Count, window.ThreadsCreated, window.Rate);
        return new AlertReading(alert.Subject, alert.Kind, RateLevel(window.Rate, figures.ClearAtOrBelow), figures);
    }

    private double ClearBelow(double raiseAbove) => Math.Max(0, raiseAbove - Margin);

    /// <summary>A refund rate that no longer exceeds its raise level: clear at or below the clear level (no threads created, nothing to refund: clear).</summary>
    private static AlertLevel RateLevel(double? rate, double clearAtOrBelow) =>
        rate is not { } r || r <= clearAtOrBelow + Tolerance ? AlertLevel.Clear : AlertLevel.Easing;

    private async Task<string> HandleAsync(string creatorId, CancellationToken ct) =>
        (await db.HandlesByIdAsync([creatorId], ct)).GetValueOrDefault(creatorId, creatorId);
}
