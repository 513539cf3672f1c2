using System.ComponentModel.DataAnnotations;

namespace OpsBot.Proposals;

/// <summary>How proposals behave (section <c>Proposals</c>).</summary>
public sealed class ProposalOptions
{
    public const string Section = "Proposals";

    /// <summary>An open proposal nobody decided on expires after this; the case can then be proposed again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")] public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromHours(72);
}
