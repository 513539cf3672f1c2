using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Cli;

/// <summary>The digest for a terminal, section by section: SLA, GMV, refunds, funnel, referral, outliers.</summary>
internal static class DigestText
{
    /// <summary>Creators listed by GMV in text; the JSON has them all.</summary>
    private const int TopCreators = 10;

    public static void Write(TextWriter output, DigestKind kind, Metrics.Digest d, OpsFormat format)
    {
        var text = new MetricsText(format, output);
        output.WriteLine($"{kind} digest as of {format.Time(d.AsOf)} ({d.TimeZone})");
        text.Line("Period", text.Period(d.Period));

        text.Heading("SLA");
        text.Line("  Open now", $"{format.Number(d.Sla.OpenThreads)}, on track {format.Percent(d.Sla.OpenOnTrackPct)} ({format.Number(d.Sla.OnTrackThreads)})");
        text.Line("  Answer rate", text.AnswerRate(d.Sla.AnswerRate, d.Sla.DueThreads));
        text.Line("  Reply time", text.ReplyTimes(d.Sla.ReplyHours));

        var gmv = d.Gmv;
        text.Heading("GMV");
        text.Line("  Period", $"{format.Money(gmv.PeriodMinor, gmv.Currency)} from {format.Number(gmv.Threads)} threads; " +
            $"net {format.Money(gmv.NetMinor, gmv.Currency)} after {format.Money(gmv.RefundedMinor, gmv.Currency)} refunded");
        text.Line("  Month to date", format.Money(gmv.MtdMinor, gmv.Currency));
        text.Line("  Fast lane", $"{format.Percent(gmv.FastLaneShare)} of GMV ({format.Percent(gmv.FastLaneShareByCount)} of threads)");
        text.Line("  Offers", $"{format.Percent(gmv.OfferShare)} of GMV ({format.Percent(gmv.OfferShareByCount)} of threads)");
        var more = gmv.ByCreator.Count > TopCreators ? $", and {gmv.ByCreator.Count - TopCreators} more" : "";
        text.Line("  By creator", gmv.ByCreator.Count == 0 ? "none"
            : string.Join(", ", gmv.ByCreator.Take(TopCreators).Select(c => $"{c.Handle} {format.Money(c.GmvMinor, gmv.Currency)}")) + more);

        text.Heading("Refunds");
        text.Line("  Refunds", text.Refunds(d.Refunds));

        var f = d.Funnel;
        text.Heading("Funnel");
        text.Line("  Visits", format.Number(f.Visits));
        text.Line("  Checkouts", $"{format.Number(f.Checkouts)} ({format.Percent(f.Rates.VisitToCheckout)} of visits)");
        text.Line("  Threads", $"{format.Number(f.Threads)} ({format.Percent(f.Rates.CheckoutToThread)} of checkouts)");
        text.Line("  First replies", $"{format.Number(f.FirstReplies)} ({format.Percent(f.Rates.ThreadToFirstReply)} of threads)");

        text.Heading("Referral");
        if (d.Referral.Count == 0) text.Line("  none", "");
        foreach (var r in d.Referral)
            text.Line($"  {r.Code}", $"referrer {r.ReferrerHandle ?? "unknown"}: {r.NewCreators} new, {r.ActiveCreators} active of {r.ReferredCreators} referred, " +
                $"GMV {format.Money(r.GmvMinor, gmv.Currency)}");

        text.Heading("Outliers (last 30 days)");
        if (d.Outliers.Count == 0 && d.HighRefundRate.Count == 0) text.Line("  none", "");
        foreach (var o in d.Outliers) text.Line($"  {o.Handle}", text.Outlier(o));
        foreach (var h in d.HighRefundRate) text.Line($"  {h.Handle}", "high refund rate " + text.HighRefundRate(h));
    }
}
