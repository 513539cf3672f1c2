using System.ComponentModel.DataAnnotations;

namespace OpsBot;

/// <summary>The ops team's settings that shape every number (section <c>OpsBot</c>).</summary>
public sealed class OpsBotOptions : IValidatableObject
{
    public const string Section = "OpsBot";

    /// <summary>IANA zone whose midnights bound days and months.</summary>
    [Required] public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>The one ISO-4217 currency this deployment settles in.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")] public string Currency { get; set; } = "EUR";

    /// <summary>UI culture: <c>en</c> or <c>de</c>.</summary>
    [Required] public string Culture { get; set; } = "en";

    /// <summary>Open threads with less than this left are critical on the radar.</summary>
    [Range(0.01, 24 * 30)] public double WarnHours { get; set; } = 12;

    public OutlierOptions Outliers { get; set; } = new();

    public HighRefundRateOptions HighRefundRate { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"OpsBot:TimeZone '{TimeZone}' is not a known IANA time zone.", [nameof(TimeZone)]);
        if (HighRefundRate.RateAbove is < 0 or >= 1)
            yield return new ValidationResult("OpsBot:HighRefundRate:RateAbove must be a fraction from 0 up to (not including) 1.", [nameof(HighRefundRate)]);
        if (HighRefundRate.MinThreads < 1)
            yield return new ValidationResult("OpsBot:HighRefundRate:MinThreads must be at least 1.", [nameof(HighRefundRate)]);
    }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public sealed class OutlierOptions
{
    [Range(0.0, 1.0)] public double MinAnswerRate { get; set; } = 0.6;
    [Range(1, 10_000)] public int MinSample { get; set; } = 5;
}

/// <summary>
/// metrics.md "high refund rate", used by the digests, the creator card, the alert sweep and the disable-checkout
/// playbook alike: refunds issued ÷ threads created over the creator window above <see cref="RateAbove"/>, with at
/// least <see cref="MinThreads"/> threads created. The defaults are the metric's definition.
/// </summary>
public sealed class HighRefundRateOptions
{
    public double RateAbove { get; set; } = 0.10;
    public int MinThreads { get; set; } = 10;
}
