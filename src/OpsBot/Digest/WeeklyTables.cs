using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Digest;

/// <summary>The weekly digest's tables: GMV per creator, each day's figures, the referral funnel and the price review.</summary>
public sealed class WeeklyTables(DigestPhrases phrases, IOptions<DigestOptions> options, IOptions<OpsBotOptions> opsBot)
{
    private Texts T => phrases.T;

    /// <summary>The top <c>Digest:TopCreators</c> by GMV; the table counts the rest ("… and N more").</summary>
    public TableBlock ByCreator(IReadOnlyList<CreatorGmv> creators) => new(
        [T["Column.Creator"], T["Column.Gmv"], T["Column.NetGmv"]],
        creators.Take(options.Value.TopCreators).Select(c => DigestPhrases.Row(c.Handle, phrases.Format.Money(c.GmvMinor), phrases.Format.Money(c.NetMinor))).ToList(),
        creators.Count);

    /// <summary>The charts' numbers as text: each day's GMV against the week before and its refunds by reason.</summary>
    public TableBlock Days(IReadOnlyList<DayFigures> days)
    {
        var f = phrases.Format;
        return new(
            [T["Column.Day"], T["Column.Gmv"], T["Column.WeekBefore"], T["Column.RefundRate"], T["Reason.SlaMiss"], T["Reason.PoorAnswer"], T["Reason.Other"]],
            days.Select(d => DigestPhrases.Row(phrases.Day(d.Date), f.Money(d.GmvMinor), f.Money(d.WeekBeforeGmvMinor), f.Percent(d.Refunds.Rate),
                f.Number(d.Refunds.ByReason.SlaMiss), f.Number(d.Refunds.ByReason.PoorAnswer), f.Number(d.Refunds.ByReason.Other))).ToList());
    }

    /// <summary>Per referral code: creators new this week, active in the last 30 days (of all it referred), and their GMV.</summary>
    public IEnumerable<MessageBlock> Referral(IReadOnlyList<ReferralRow> codes)
    {
        var f = phrases.Format;
        if (codes.Count == 0)
        {
            yield return new TextBlock(T.Rich("Referral.None"));
            yield break;
        }
        yield return new TableBlock(
            [T["Column.Code"], T["Column.Referrer"], T["Column.New"], T["Column.Active"], T["Column.Revenue"]],
            codes.Select(r => DigestPhrases.Row(r.Code, r.ReferrerHandle ?? "?", f.Number(r.NewCreators),
                T.Format("Referral.ActiveOf", f.Number(r.ActiveCreators), f.Number(r.ReferredCreators)), f.Money(r.GmvMinor))).ToList());
    }

    /// <summary>The rule in words (so nobody has to guess why a creator is listed), then the creators it names.</summary>
    public IEnumerable<MessageBlock> PriceReviews(IReadOnlyList<PriceReview> reviews)
    {
        var f = phrases.Format;
        var rule = options.Value.PriceReview;
        yield return new ContextBlock(T.Rich("PriceReview.Rule",
            f.Hours(rule.FastLaneReplyHours), f.Number(rule.MinFastLaneReplies), f.Percent(opsBot.Value.Outliers.MinAnswerRate)));
        if (reviews.Count == 0)
        {
            yield return new TextBlock(T.Rich("PriceReview.None"));
            yield break;
        }
        yield return new TableBlock(
            [T["Column.Creator"], T["Column.Price"], T["Column.FastLane"], T["Column.Why"]],
            reviews.Select(r => DigestPhrases.Row(r.Handle, f.Money(r.StandardPriceMinor),
                r.FastLaneEnabled ? T.Format("PriceReview.Factor", r.FastLaneFactor) : T["PriceReview.FastLaneOff"],
                string.Join("; ", r.Reasons.Select(reason => reason == PriceReviewReason.SlowFastLane
                    ? T.Format("PriceReview.SlowFastLane", f.Hours(r.FastLaneMeanReplyHours))
                    : T.Format("PriceReview.PriceAboveDelivery", f.Percent(r.AnswerRate)))))).ToList());
    }
}
