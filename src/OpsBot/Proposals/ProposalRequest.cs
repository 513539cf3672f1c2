using OpsBot.Audit;
using OpsBot.Data;

namespace OpsBot.Proposals;

/// <summary>
/// What a playbook or a person wants proposed. <see cref="ThreadId"/> is required for a refund and names the creator;
/// every other kind names <see cref="CreatorId"/>. <see cref="NewPriceMinor"/> / <see cref="NewFastLaneFactor"/> are
/// for <see cref="ProposalKind.AdjustPrice"/> only.
/// </summary>
public sealed record ProposalRequest(
    ProposalKind Kind, ProposalSource Source, string Reason, AuditActor RequestedBy,
    string? CreatorId = null, string? ThreadId = null, string? Evidence = null,
    long? NewPriceMinor = null, decimal? NewFastLaneFactor = null);

/// <summary>The proposal for the case: the new one (<see cref="Created"/>), or the one already open.</summary>
public sealed record Proposed(Proposal Proposal, bool Created);

/// <summary>The request cannot become a proposal (unknown thread, nothing would change); nothing was stored.</summary>
public sealed class ProposalRefusedException(string textKey, params object[] args) : Exception(textKey)
{
    /// <summary>A key of ProposalText.resx saying why, for the person who asked.</summary>
    public string TextKey { get; } = textKey;
    public object[] Args { get; } = args;
}

/// <summary>The machine-readable reasons OpsBot's playbooks use (also sent to the platform).</summary>
public static class ProposalReasons
{
    public const string SlaMiss = "sla_miss", RefundReview = "refund_review", Flag = "flag", RepeatedMisses = "repeated_sla_misses",
        SystematicFlags = "systematic_flags", HighRefundRate = "high_refund_rate", Manual = "manual";
}
