using System.ComponentModel.DataAnnotations;

namespace OpsBot.Digest;

/// <summary>How much the digests show (section <c>Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Creators listed by GMV in the weekly digest; the rest are counted ("… and N more").</summary>
    [Range(1, 50)] public int TopCreators { get; set; } = 10;

    public PriceReviewOptions PriceReview { get; set; } = new();
}

/// <summary>When the weekly "Pricing/Offer Adjust" review names a creator (see <see cref="PriceReviewQuery"/>).</summary>
public sealed class PriceReviewOptions
{
    /// <summary>The fast lane's reply target: the ops cadence aims at 24 h for fast, 48 h for standard.</summary>
    [Range(0.1, 24 * 30)] public double FastLaneReplyHours { get; set; } = 24;

    /// <summary>Fast-lane threads first answered in the week before their mean counts (one slow reply is no pattern).</summary>
    [Range(1, 10_000)] public int MinFastLaneReplies { get; set; } = 3;
}

/// <summary>
/// The "Alerting light" thresholds of the ops cadence (section <c>Alerts</c>); the digests show a line per
/// alert that holds, and scheduled alerts use the same values. Outliers and the high refund rate are metric
/// definitions (<c>OpsBot:Outliers</c>, <c>OpsBot:HighRefundRate</c>), so neither is repeated here.
/// </summary>
public sealed class AlertThresholds
{
    public const string Section = "Alerts";

    /// <summary>Alert when more than this many open threads have less than <c>OpsBot:WarnHours</c> left (the radar's critical flag).</summary>
    [Range(0, 100_000)] public int CriticalThreads { get; set; } = 5;

    /// <summary>Warn when refunds ÷ threads created over the last 7 days exceed this fraction.</summary>
    [Range(0.0, 1.0)] public double WeeklyRefundRate { get; set; } = 0.05;
}
