using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// SLA miss: every thread open past its deadline (metrics.md §3: no first reply, no refund) → a refund proposal,
/// reason <c>sla_miss</c>. On approval the fan gets their money back; the creator hears of it by DM.
/// </summary>
/// <remarks>
/// Only a decision made at or after the deadline answers the miss. A refund rejected before it (a review the approver
/// turned down to give the creator time, a <c>/propose refund</c> or a radar press) was about a thread that still had
/// time; once the deadline has passed unanswered, the miss is a new question.
/// </remarks>
public sealed class SlaMissStep(OpsDbContext db, PlaybookProposer proposer, OpsFormat format, OpsText text) : IProposalSweepStep
{
    public string Name => "SlaMiss";

    private Texts T => text.Of(PlaybookText.Resources);

    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        // The deadline condition first, so both ranges of OpenAsOf stay on the (ClosedAt, DeadlineAt) index.
        var overdue = await db.Threads.Where(t => t.DeadlineAt < now).OpenAsOf(now)
            .Select(t => new { t.Id, t.DeadlineAt })
            .ToListAsync(ct);
        var found = overdue
            .OrderBy(t => t.DeadlineAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new ProposalRequest(ProposalKind.Refund, ProposalSource.SlaMiss, ProposalReasons.SlaMiss, AuditActor.OpsBot,
                ThreadId: t.Id, Evidence: T.Format("Evidence.SlaMiss", format.Time(t.DeadlineAt), format.Duration(now - t.DeadlineAt))))
            .ToList();
        // Decided at or after the deadline, the thread's refund stays decided: a rejected SLA refund is not proposed again every 15 minutes.
        var deadlines = overdue.ToDictionary(t => t.Id, t => t.DeadlineAt, StringComparer.Ordinal);
        await proposer.ProposeAsync(Name, found, r => deadlines[r.ThreadId!], ct);
    }
}
