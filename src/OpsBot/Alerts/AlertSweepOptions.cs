using System.ComponentModel.DataAnnotations;
using OpsBot.Digest;

namespace OpsBot.Alerts;

/// <summary>
/// When a raised alert gives the all clear (section <c>Alerts</c>, beside the raise levels of <see cref="AlertThresholds"/>).
/// Hysteresis, so an alert does not flap: the figure must drop to a clear level below the raise level, and stay
/// there for <see cref="ClearAfterSweeps"/> sweeps in a row.
/// </summary>
public sealed class AlertSweepOptions
{
    /// <summary>Too many critical threads clears at <c>CriticalThreads − this</c> or fewer (at least 0).</summary>
    [Range(0, 100_000, ErrorMessage = "Alerts:CriticalThreadsClearMargin must be between {1} and {2}.")]
    public int CriticalThreadsClearMargin { get; set; } = 2;

    /// <summary>
    /// Rates clear this far on the good side of their raise level: refund rates at or below it minus the margin,
    /// the answer rate at or above <c>OpsBot:Outliers:MinAnswerRate</c> plus it, mean reply at or below (1 − margin) of the time allowed.
    /// </summary>
    [Range(0.0, 0.5, ErrorMessage = "Alerts:RateClearMargin must be between {1} and {2} (a fraction: 0.01 is one percentage point).")]
    public double RateClearMargin { get; set; } = 0.01;

    /// <summary>Consecutive sweeps at or below the clear level before the all clear.</summary>
    [Range(1, 96, ErrorMessage = "Alerts:ClearAfterSweeps must be between {1} and {2}.")]
    public int ClearAfterSweeps { get; set; } = 2;
}
