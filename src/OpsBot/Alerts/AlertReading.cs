using System.Globalization;
using OpsBot.Data;
using OpsBot.Metrics;

namespace OpsBot.Alerts;

/// <summary>Where a subject stands in one sweep.</summary>
public enum AlertLevel
{
    /// <summary>The condition holds (the same judgement as the radar and digest): raise, or keep open.</summary>
    Holds,
    /// <summary>No longer holds, but not back at the clear level: stays open, the clean-sweep count restarts.</summary>
    Easing,
    /// <summary>At or below the clear level: one more clean sweep towards the all clear.</summary>
    Clear,
}

/// <summary>What one sweep read for one subject.</summary>
public sealed record AlertReading(string Subject, AlertKind Kind, AlertLevel Level, AlertFigures Figures);

/// <summary>
/// The figures an alert shows. <see cref="Fingerprint"/> holds exactly what is shown, in invariant form (rates as
/// their counts, hours rounded as displayed): equal fingerprints mean the post would not change, so it is not updated.
/// </summary>
public abstract record AlertFigures
{
    public abstract string Fingerprint { get; }

    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

public sealed record CriticalThreadsFigures(int Critical, double WarnHours, int RaiseAbove, int ClearAtOrBelow) : AlertFigures
{
    public override string Fingerprint => Invariant($"critical={Critical};warn={WarnHours};above={RaiseAbove};clear={ClearAtOrBelow}");
}

/// <param name="Creator">The creator's figures over the creator window; no reasons once they are no longer flagged.</param>
/// <param name="ClearAnswerRate">The answer rate the creator must reach again for the all clear.</param>
/// <param name="ClearReplyShare">The share of the time allowed their mean reply must be back within.</param>
public sealed record OutlierFigures(CreatorOutlier Creator, double MinAnswerRate, double ClearAnswerRate, double ClearReplyShare) : AlertFigures
{
    public override string Fingerprint => Invariant(
        $"@{Creator.Handle};due={Creator.DueThreads};rate={Creator.AnswerRate:F3};answered={Creator.AnsweredThreads};reply={Creator.MeanReplyHours:F1};allowed={Creator.MeanAllowedHours:F1};why={string.Join(',', Creator.Reasons)};min={MinAnswerRate};clear={ClearAnswerRate}/{ClearReplyShare}");
}

/// <summary>A creator's refunds issued ÷ threads created over the creator window (Rate null when none created).</summary>
public sealed record CreatorRefundFigures(string Handle, int Refunds, int ThreadsCreated, double? Rate, double RaiseAbove, double ClearAtOrBelow, int MinThreads)
    : AlertFigures
{
    public override string Fingerprint => Invariant($"@{Handle};refunds={Refunds};threads={ThreadsCreated};above={RaiseAbove};clear={ClearAtOrBelow}");
}

/// <param name="Week">The 7 local days before today, with the refunds' causes (counts and amounts by reason).</param>
public sealed record WeeklyRefundFigures(RefundSummary Week, double RaiseAbove, double ClearAtOrBelow) : AlertFigures
{
    public override string Fingerprint
    {
        get
        {
            var (counts, amounts) = (Week.ByReason, Week.AmountMinorByReason);
            return Invariant($"refunds={Week.Count};threads={Week.ThreadsCreated};sla={counts.SlaMiss}/{amounts.SlaMiss};poor={counts.PoorAnswer}/{amounts.PoorAnswer};other={counts.Other}/{amounts.Other};above={RaiseAbove};clear={ClearAtOrBelow}");
        }
    }
}
