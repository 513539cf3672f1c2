using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Digest;

/// <summary>What the weekly digest shows: the last 7 days, the 7 before, each day of the week, and the price review.</summary>
public sealed record WeeklyFigures(Metrics.Digest ThisWeek, Metrics.Digest WeekBefore, IReadOnlyList<DayFigures> Days, IReadOnlyList<PriceReview> PriceReviews);

/// <summary>
/// The weekly digest, the ops cadence's weekly ritual: the week against the week before (arrows, percentage
/// points for rates), GMV per creator, fast-lane and offer uptake, refund causes with a warning over
/// <c>Alerts:WeeklyRefundRate</c>, the referral funnel, the price review, and three charts whose numbers
/// also travel as text (alt text and the per-day table).
/// </summary>
public sealed class WeeklyDigestMessage(
    DigestPhrases phrases, DigestChange change, DigestCharts charts, WeeklyTables tables, OpsCalendar calendar, IOptions<AlertThresholds> thresholds)
{
    private Texts T => phrases.T;

    public ChatMessage Build(WeeklyFigures w)
    {
        var (now, before) = (w.ThisWeek, w.WeekBefore);
        var title = T.Format("Weekly.Title", phrases.Days(now.Period, calendar));
        List<MessageBlock> blocks =
        [
            new HeaderBlock(title),
            new ContextBlock(T.Rich("Weekly.Against", phrases.Days(before.Period, calendar))),
            new FieldsBlock([
                phrases.Field("Sla.AnswerRate", change.Rate(now.Sla.AnswerRate, before.Sla.AnswerRate)),
                phrases.Field("Weekly.MeanReply", change.Hours(now.Sla.ReplyHours.Mean, before.Sla.ReplyHours.Mean)),
                phrases.Field("Weekly.MedianReply", change.Hours(now.Sla.ReplyHours.Median, before.Sla.ReplyHours.Median)),
                phrases.Field("Weekly.P90Reply", change.Hours(now.Sla.ReplyHours.P90, before.Sla.ReplyHours.P90)),
                phrases.Field("Weekly.Threads", change.Count(now.Gmv.Threads, before.Gmv.Threads)),
            ]),
            new FieldsBlock([
                phrases.Field("Weekly.Gmv", change.Money(now.Gmv.PeriodMinor, before.Gmv.PeriodMinor)),
                phrases.Field("Weekly.NetGmv", change.Money(now.Gmv.NetMinor, before.Gmv.NetMinor)),
                phrases.Field("Weekly.FastLaneUptake", change.Rate(now.Gmv.FastLaneShare, before.Gmv.FastLaneShare)),
                phrases.Field("Weekly.OfferUptake", change.Rate(now.Gmv.OfferShare, before.Gmv.OfferShare)),
                phrases.Field("Weekly.RefundRate", change.Rate(now.Refunds.Rate, before.Refunds.Rate)),
            ]),
            new TextBlock(T.Rich("Weekly.ByCreator")),
            tables.ByCreator(now.Gmv.ByCreator),
            charts.GmvPerDay(w.Days),
            new TextBlock(phrases.Refunds(now.Refunds)),
            .. RefundWarning(now.Refunds),
            charts.RefundRatePerDay(w.Days),
            tables.Days(w.Days),
            new TextBlock(phrases.Funnel(now.Funnel)),
            charts.Funnel(now.Funnel),
            new TextBlock(T.Rich("Weekly.Referral")),
            .. tables.Referral(now.Referral),
            new TextBlock(T.Rich("Weekly.PriceReview")),
            .. tables.PriceReviews(w.PriceReviews),
            new ContextBlock(phrases.AsOf(now.AsOf, now.TimeZone)),
        ];
        var summary = T.Format("Weekly.Fallback", title, change.Money(now.Gmv.PeriodMinor, before.Gmv.PeriodMinor),
            change.Rate(now.Refunds.Rate, before.Refunds.Rate), change.Rate(now.Sla.AnswerRate, before.Sla.AnswerRate));
        return new ChatMessage(summary, blocks, []);
    }

    /// <summary>The ops cadence: a refund rate over 5% means noting its causes, SLA miss against content.</summary>
    private IEnumerable<MessageBlock> RefundWarning(RefundSummary r)
    {
        var limit = thresholds.Value.WeeklyRefundRate;
        if (r.Rate > limit)
            yield return phrases.Warning("Weekly.RefundWarning", phrases.Format.Percent(r.Rate), phrases.Format.Percent(limit),
                phrases.Format.Number(r.ByReason.SlaMiss), phrases.Format.Number(r.ByReason.PoorAnswer), phrases.Format.Number(r.ByReason.Other));
    }
}
