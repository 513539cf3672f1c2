using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>One creator as of T. Rates and times cover <see cref="Window"/> = [T − 30×24h, T); GMV is month to date.</summary>
/// <param name="FlaggedForMissesAt">The latest flag for repeated SLA misses (audit <c>creator.flagged</c>) in the window, if any.</param>
public sealed record CreatorCard(
    DateTimeOffset AsOf,
    Period Window,
    CreatorProfile Profile,
    OpenThreads Open,
    AnswerRate AnswerRate,
    ReplyTimes ReplyHours,
    long GmvMtdMinor,
    RefundSummary Refunds,
    int MessageFlags,
    IReadOnlyList<string> ReferredCreators,
    CreatorOutlier? Outlier,
    HighRefundRate? HighRefundRate,
    DateTimeOffset? FlaggedForMissesAt);

public sealed record CreatorProfile(
    string Handle, string DisplayName, CheckoutStatus Status, long StandardPriceMinor, string Currency,
    decimal FastLaneFactor, bool FastLaneEnabled, string? ReferralCode, string? ReferredByCode, DateTimeOffset JoinedAt)
{
    public static CreatorProfile Of(Creator c) => new(
        c.Handle, c.DisplayName, c.CheckoutStatus, c.StandardPriceMinor, c.Currency,
        c.FastLaneFactor, c.FastLaneEnabled, c.ReferralCode, c.ReferredByCode, c.JoinedAt);
}
