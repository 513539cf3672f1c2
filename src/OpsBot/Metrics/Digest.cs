using OpsBot.Data;

namespace OpsBot.Metrics;

public enum DigestKind { Daily, Weekly }

/// <summary>
/// The digest, shaped so <see cref="MetricsJson.Options"/> prints metrics.md §5 field for field
/// (extra fields: sla.onTrackThreads, sla.dueThreads, replyHours.count/byLane, gmv refunded/threads/…ByCount,
/// refunds.amountMinor/threadsCreated, funnel.rates, referral referrer/referred, outlier sample sizes, highRefundRate).
/// </summary>
public sealed record Digest(
    DateTimeOffset AsOf,
    string TimeZone,
    Period Period,
    DigestSla Sla,
    DigestGmv Gmv,
    RefundSummary Refunds,
    Funnel Funnel,
    IReadOnlyList<ReferralRow> Referral,
    IReadOnlyList<CreatorOutlier> Outliers,
    IReadOnlyList<HighRefundRate> HighRefundRate);

/// <summary>OpenThreads and OpenOnTrackPct are as of T (a fraction, like every rate); the rest is the period's.</summary>
public sealed record DigestSla(int OpenThreads, int OnTrackThreads, double? OpenOnTrackPct, double? AnswerRate, int DueThreads, ReplyTimes ReplyHours);

public sealed record DigestGmv(
    long PeriodMinor, long MtdMinor, long NetMinor, long RefundedMinor, string Currency, int Threads,
    double? FastLaneShare, double? OfferShare, double? FastLaneShareByCount, double? OfferShareByCount,
    IReadOnlyList<CreatorGmv> ByCreator);
