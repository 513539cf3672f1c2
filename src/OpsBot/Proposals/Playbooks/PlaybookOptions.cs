using System.ComponentModel.DataAnnotations;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// The playbooks' thresholds (section <c>Proposals:Playbooks</c>). The high refund rate is not here: it is the metric's
/// own definition (metrics.md), so the proposal and the digest can never disagree about who has one.
/// </summary>
public sealed class PlaybookOptions
{
    public const string Section = "Proposals:Playbooks";

    /// <summary>
    /// How far back a sweep looks for new flags and refund reviews: enough to cover a host that was down for days,
    /// short enough that a first start does not turn months of history into cards.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")] public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The window repeated misses and systematic flags are counted in. A decision on a creator's case stands for one
    /// window: after that the playbook may propose it again, on evidence the decision did not see.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")] public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>SLA misses in <see cref="Window"/> that propose blocking the creator's fast lane.</summary>
    [Range(1, 1000)] public int RepeatedMisses { get; set; } = 3;

    /// <summary>Flags on a creator's answers in <see cref="Window"/> that propose a price cut.</summary>
    [Range(1, 1000)] public int FlagsForPriceCut { get; set; } = 3;

    /// <summary>The cut: the new price is the current one × (1 − this), in whole minor units.</summary>
    [Range(0.01, 0.9)] public decimal PriceCut { get; set; } = 0.10m;

    /// <summary>Flags in <see cref="Window"/> that propose a checkout stop instead of a price cut.</summary>
    [Range(1, 1000)] public int FlagsForCheckoutStop { get; set; } = 6;

    /// <summary>
    /// Flag reasons that say more about the creator than about one answer, comma-separated in the platform's words;
    /// empty for none. A string rather than a list: the configuration binder appends a configured list to a default one.
    /// </summary>
    public string SevereFlagReasons { get; set; } = "inappropriate";

    public IReadOnlySet<string> SevereReasons =>
        SevereFlagReasons.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Flags with a severe reason in <see cref="Window"/> that propose a checkout stop, however few flags there are in all.</summary>
    [Range(1, 1000)] public int SevereFlagsForCheckoutStop { get; set; } = 2;
}
