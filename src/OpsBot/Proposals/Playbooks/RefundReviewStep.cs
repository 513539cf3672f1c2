using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Data;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// A refund review the platform's refund job asked for (<c>refund.review_requested</c>) → a refund proposal with the
/// review's reason and note, reason <c>refund_review</c>. Runs before the SLA miss playbook, so an overdue thread the
/// platform asks about is proposed with the platform's note rather than as a bare miss.
/// </summary>
/// <remarks>
/// Reviews of a refunded thread need nothing, and neither do reviews of a thread first answered after the review:
/// the borderline case (a creator asking for more time) resolved itself, as a proposal is moot when its thread is
/// answered after it was made. A thread with several reviews gets one proposal, with the latest review's note. A review
/// that comes after a decision on the thread's refund (an SLA refund rejected earlier) is proposed again: it is a new
/// request from the platform and deserves an answer; one decided after the review stays decided.
/// </remarks>
public sealed class RefundReviewStep(OpsDbContext db, PlaybookProposer proposer, IOptions<PlaybookOptions> options) : IProposalSweepStep
{
    public string Name => "RefundReview";

    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var since = now - options.Value.Lookback;
        var reviews = await (
            from r in db.RefundReviews
            where r.At >= since && r.At <= now
            join t in db.Threads on r.ThreadId equals t.Id
            where t.RefundedAt == null && (t.FirstReplyAt == null || t.FirstReplyAt <= r.At)
            select new { r.Id, r.ThreadId, r.Reason, r.Note, r.At }).ToListAsync(ct);
        var latest = reviews
            .GroupBy(r => r.ThreadId)
            .Select(g => g.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).First())
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .ToList();
        var found = latest
            .Select(r => new ProposalRequest(ProposalKind.Refund, ProposalSource.RefundReview, ProposalReasons.RefundReview, AuditActor.OpsBot,
                ThreadId: r.ThreadId, Evidence: Evidence.Of(r.Reason, r.Note)))
            .ToList();
        // A review is the platform asking anew: a decision made before it does not answer it, one made after it does.
        var reviewedAt = latest.ToDictionary(r => r.ThreadId, r => r.At, StringComparer.Ordinal);
        await proposer.ProposeAsync(Name, found, r => reviewedAt[r.ThreadId!], ct);
    }
}
