using OpsBot.Chat;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Digest;

/// <summary>
/// The daily digest: yesterday's SLA, money, refunds and funnel, the creators flagged over 30 days, and a
/// line per alert condition that holds as of T (the ops cadence's daily ritual, in one message).
/// </summary>
public sealed class DailyDigestMessage(DigestPhrases phrases, OpsCalendar calendar)
{
    private Texts T => phrases.T;

    public ChatMessage Build(Metrics.Digest d, AlertState alerts)
    {
        var format = phrases.Format;
        var day = phrases.Days(d.Period, calendar);
        var gmv = d.Gmv;
        var title = T.Format("Daily.Title", day);
        List<MessageBlock> blocks =
        [
            new HeaderBlock(title),
            new FieldsBlock([
                phrases.Field("Sla.AnswerRate", phrases.AnswerRate(d.Sla.AnswerRate, d.Sla.DueThreads)),
                phrases.Field("Sla.ReplyTime", phrases.ReplyTimes(d.Sla.ReplyHours)),
                phrases.Field("Sla.OpenNow", T.Format("Sla.OpenOnTrack", format.Number(d.Sla.OpenThreads), format.Percent(d.Sla.OpenOnTrackPct))),
                phrases.Field("Gmv.Yesterday", T.Format("Gmv.PeriodValue", format.Money(gmv.PeriodMinor), format.Number(gmv.Threads), format.Money(gmv.NetMinor))),
                phrases.Field("Gmv.Mtd", format.Money(gmv.MtdMinor)),
                phrases.Field("Gmv.FastLane", phrases.Share(gmv.FastLaneShare, gmv.FastLaneShareByCount)),
                phrases.Field("Gmv.Offers", phrases.Share(gmv.OfferShare, gmv.OfferShareByCount)),
            ]),
            new TextBlock(phrases.Refunds(d.Refunds)),
            new TextBlock(phrases.Funnel(d.Funnel)),
            .. Flagged(d),
            .. Alerts(alerts),
            new ContextBlock(phrases.AsOf(d.AsOf, d.TimeZone)),
        ];
        var summary = T.Format("Daily.Fallback", title, phrases.AnswerRate(d.Sla.AnswerRate, d.Sla.DueThreads),
            format.Money(gmv.PeriodMinor), format.Number(d.Refunds.Count), format.Number(alerts.Holding));
        return new ChatMessage(summary, blocks, []);
    }

    /// <summary>Outliers and high refund rates over the last 30 days, one row per creator and judgement.</summary>
    private IEnumerable<MessageBlock> Flagged(Metrics.Digest d)
    {
        var format = phrases.Format;
        if (d.Outliers.Count == 0 && d.HighRefundRate.Count == 0)
        {
            yield return new TextBlock(T.Rich("Flagged.None"));
            yield break;
        }
        yield return new TextBlock(T.Rich("Flagged.Heading"));
        var rows = d.Outliers.Select(o => DigestPhrases.Row(
                o.Handle, string.Join(", ", o.Reasons.Select(r => T[$"Outlier.{r}"])),
                T.Format("Outlier.Figures", phrases.AnswerRate(o.AnswerRate, o.DueThreads), o.AnsweredThreads == 0
                    ? T["ReplyTime.None"] : T.Format("Outlier.MeanReply", format.Hours(o.MeanReplyHours), format.Hours(o.MeanAllowedHours)))))
            .Concat(d.HighRefundRate.Select(h => DigestPhrases.Row(
                h.Handle, T["Outlier.HighRefundRate"], T.Format("Outlier.RefundRate", format.Percent(h.Rate), format.Number(h.Refunds), format.Number(h.ThreadsCreated)))))
            .ToList();
        yield return new TableBlock([T["Column.Creator"], T["Column.Why"], T["Column.Figures"]], rows);
    }

    private IEnumerable<MessageBlock> Alerts(AlertState a)
    {
        var format = phrases.Format;
        if (!a.Any)
        {
            yield return new TextBlock(T.Rich("Alert.None"));
            yield break;
        }
        if (a.TooManyCritical)
            yield return phrases.Warning("Alert.CriticalThreads", format.Number(a.CriticalThreads), format.Hours(a.WarnHours), format.Number(a.Thresholds.CriticalThreads));
        if (a.Outliers.Count > 0)
            yield return phrases.Warning("Alert.Outliers", string.Join(", ", a.Outliers.Select(o => o.Handle)));
        if (a.HighRefundRates.Count > 0)
            yield return phrases.Warning("Alert.HighRefundRate", string.Join(", ", a.HighRefundRates.Select(h => $"{h.Handle} {format.Percent(h.Rate)}")),
                format.Percent(a.HighRefundLevel.RateAbove));
        if (a.WeeklyRefundRateHigh)
            yield return phrases.Warning("Alert.WeeklyRefundRate", format.Percent(a.LastSevenDays.Rate), format.Percent(a.Thresholds.WeeklyRefundRate));
    }

}
