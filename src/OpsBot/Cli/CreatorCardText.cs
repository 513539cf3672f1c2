using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Cli;

/// <summary>A creator's card for a terminal: profile, price, open threads, the 30-day figures, GMV month to date, referral and marks.</summary>
internal static class CreatorCardText
{
    public static void Write(TextWriter output, CreatorCard card, OpsFormat format)
    {
        var text = new MetricsText(format, output);
        var p = card.Profile;
        output.WriteLine($"{p.Handle} ({p.DisplayName}), checkout {MetricsText.Name(p.Status)}, joined {format.Time(p.JoinedAt)}");
        text.Line("As of", $"{format.Time(card.AsOf)} ({format.Zone.Id})");
        var fastPrice = (long)Math.Round(p.StandardPriceMinor * p.FastLaneFactor, MidpointRounding.AwayFromZero);
        text.Line("Price", $"{format.Money(p.StandardPriceMinor, p.Currency)} standard; fast lane ×{p.FastLaneFactor.ToString("0.##", format.Culture)} " +
            $"= {format.Money(fastPrice, p.Currency)} ({(p.FastLaneEnabled ? "enabled" : "disabled")})");
        text.Line("Open threads", OpenThreads(card, format));
        text.Line("GMV MTD", format.Money(card.GmvMtdMinor, p.Currency));

        text.Heading($"Last 30 days ({text.Period(card.Window)})");
        text.Line("  Answer rate", $"{format.Percent(card.AnswerRate.Rate)} ({card.AnswerRate.AnsweredInTime} of {card.AnswerRate.Due} due answered in time)");
        text.Line("  Reply time", text.ReplyTimes(card.ReplyHours));
        text.Line("  Refunds", text.Refunds(card.Refunds));
        text.Line("  Flags", $"{format.Number(card.MessageFlags)} flagged messages");

        text.Heading("Referral");
        text.Line("  Code", p.ReferralCode ?? "none");
        text.Line("  Referred by", p.ReferredByCode ?? "none");
        text.Line("  Referred", card.ReferredCreators.Count == 0 ? "none" : string.Join(", ", card.ReferredCreators));

        text.Heading("Marks");
        text.Line("  Outlier", card.Outlier is { } outlier ? text.Outlier(outlier) : "no");
        text.Line("  High refunds", card.HighRefundRate is { } high ? text.HighRefundRate(high) : "no");
    }

    private static string OpenThreads(CreatorCard card, OpsFormat format)
    {
        var open = card.Open;
        if (open.NearestDeadlineAt is not { } nearest) return $"{open.Count}";
        var remainingMs = nearest.ToUnixTimeMilliseconds() - card.AsOf.ToUnixTimeMilliseconds();
        return $"{open.Count} ({open.OnTrack} on track, {format.Percent(open.OnTrackShare)}); " +
            $"nearest deadline {format.Time(nearest)} ({format.TimeLeft(remainingMs)}{(remainingMs >= 0 ? " left" : "")})";
    }
}
