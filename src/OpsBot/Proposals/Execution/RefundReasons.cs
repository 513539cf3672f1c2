using OpsBot.Data;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// The refund reason the platform records (metrics.md: <c>sla_miss</c>, <c>poor_answer</c>, <c>other</c>) for an approved
/// refund: a thread still unanswered past its deadline when the approver approved is an SLA miss however its refund was
/// proposed (a refund review, a radar press, <c>/propose refund</c>), so the refund rate's reasons and the creator's
/// note follow what happened to the fan. Otherwise the proposal's reason says: a fan's flag on the answer is a poor
/// answer, everything else (a review of an answered thread, a refund by hand) is other.
/// </summary>
/// <remarks>
/// Judged as of the approval, not of each attempt: a retry sends the same Idempotency-Key, and by then the feed may
/// already show the refund the first attempt made (the thread no longer open), which must not turn it into "other".
/// </remarks>
public static class RefundReasons
{
    /// <param name="thread">The thread from the ops store; null when unknown (the mirror of Http mode lacks it).</param>
    /// <param name="now">Stands in for the approval time of a proposal not decided yet.</param>
    /// <returns>Null for a proposal that is no refund.</returns>
    public static RefundReason? For(Proposal p, Thread? thread, DateTimeOffset now)
    {
        if (p.Kind != ProposalKind.Refund) return null;
        var approvedAt = p.DecidedAt ?? now;
        return thread is not null && thread.DeadlineAt < approvedAt && thread.StatusAsOf(approvedAt) == ThreadStatus.Open
            ? RefundReason.SlaMiss
            : Of(p.Reason);
    }

    private static RefundReason Of(string proposalReason) => proposalReason switch
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
