using OpsBot.Data;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// The refund reason the platform records (metrics.md: <c>sla_miss</c>, <c>poor_answer</c>, <c>other</c>) for a proposal's
/// reason: a missed deadline is an SLA miss, a fan's flag on the answer is a poor answer, everything else (a refund
/// review from the platform's job, a refund proposed by hand) is other.
/// </summary>
public static class RefundReasons
{
    public static RefundReason Of(string proposalReason) => proposalReason switch
    {
        ProposalReasons.SlaMiss => RefundReason.SlaMiss,
        ProposalReasons.Flag => RefundReason.PoorAnswer,
        _ => RefundReason.Other,
    };

    /// <summary>The name on the wire, as in metrics.md and the <c>thread.refunded</c> event.</summary>
    public static string WireName(RefundReason reason) => reason switch
    {
        RefundReason.SlaMiss => "sla_miss",
        RefundReason.PoorAnswer => "poor_answer",
        _ => "other",
    };
}
