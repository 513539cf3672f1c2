using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Proposals.Decisions;

/// <summary>How an open proposal ends: the new status, who ends it, the audit verb and the note shown on the card.</summary>
/// <param name="Note">A rejection's reason or why it was superseded (<see cref="Proposal.DecisionNote"/>).</param>
public sealed record Closing(ProposalStatus Status, AuditActor By, string AuditAction, string? Note = null, string? Why = null)
{
    /// <summary>Nobody decided in time: OpsBot closes it.</summary>
    public static Closing Expiry(DateTimeOffset expiresAt) =>
        new(ProposalStatus.Expired, AuditActor.OpsBot, AuditActions.ProposalExpired, Why: $"nobody decided by {expiresAt:O}");
}

/// <summary>
/// Ends an open proposal (decision, expiry, supersede) with ONE conditional UPDATE <c>WHERE Id = @id AND Status = 'Open'</c>
/// that also frees the case (<see cref="Proposal.OpenCaseKey"/> = null) and, for an approval, queues the execution; its
/// audit line and the card's update in place commit in the same transaction. Twenty presses at once: one UPDATE finds
/// the row open, the others change nothing.
/// </summary>
public sealed class ProposalClosing(
    OpsDbContext db, AuditLog audit, Outbox outbox, ProposalCard card, TimeProvider clock, IEnumerable<IExecutionWake> wakes)
{
    /// <summary>The outbox key of the card's update when the proposal closes; a proposal closes once, so one key is enough.</summary>
    public static string ClosedKey(long proposalId) => $"{ProposalBook.CardKey(proposalId)}:decided";

    /// <returns>The proposal as closed, or null when it was not open any more (someone closed it first): nothing changed.</returns>
    public async Task<Proposal?> CloseAsync(long proposalId, Closing closing, CancellationToken ct)
    {
        var proposal = await db.InTransactionAsync(ct => CloseInTransactionAsync(proposalId, closing, ct), ct);
        if (proposal?.Status == ProposalStatus.Approved)
            foreach (var wake in wakes) wake.Wake();
        return proposal;
    }

    /// <returns>
    /// The proposal as closed. A decision (approve, reject) that arrives at or after the proposal's expiry is not taken:
    /// the proposal expires instead, so the caller compares the returned status with the one it asked for.
    /// </returns>
    private async Task<Proposal?> CloseInTransactionAsync(long proposalId, Closing closing, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The press checked the expiry a moment ago; this transaction may run later (a slow store, a retried attempt).
        if (closing.Status is ProposalStatus.Approved or ProposalStatus.Rejected
            && await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId && p.ExpiresAt <= now).Select(p => (DateTimeOffset?)p.ExpiresAt).SingleOrDefaultAsync(ct)
                is { } expired)
            closing = Closing.Expiry(expired);
        var approved = closing.Status == ProposalStatus.Approved;
        // Expiry is nobody's decision: the card then shows when the proposal expired instead of a name.
        var decider = closing.Status == ProposalStatus.Expired ? null : closing.By;
        var closed = await db.Proposals
            .Where(p => p.Id == proposalId && p.Status == ProposalStatus.Open)
            .ExecuteUpdateAsync(set =>
            {
                set.SetProperty(p => p.Status, closing.Status);
                set.SetProperty(p => p.OpenCaseKey, (string?)null);
                set.SetProperty(p => p.DecisionNote, closing.Note);
                if (decider is not null)
                {
                    set.SetProperty(p => p.DecidedBy, decider.Id);
                    set.SetProperty(p => p.DecidedByName, decider.Name);
                    set.SetProperty(p => p.DecidedAt, now);
                }
                // The hand-off to the execution queue: from here on only the queue writes the execution columns.
                if (approved)
                {
                    set.SetProperty(p => p.Execution, ExecutionStatus.Pending);
                    set.SetProperty(p => p.NextExecutionAt, now);
                }
            }, ct);
        if (closed == 0) return null;

        var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposalId, ct);
        audit.Add(new AuditRecord(closing.By, closing.AuditAction, proposal.Number, proposal.Id, proposal.CreatorId, proposal.ThreadId,
            Before: nameof(ProposalStatus.Open), After: approved ? $"{proposal.Status}, execution {proposal.Execution}" : $"{proposal.Status}",
            Why: closing.Why ?? closing.Note));
        await db.SaveChangesAsync(ct);
        await outbox.EnqueueUpdateAsync(ClosedKey(proposalId), ProposalBook.CardKey(proposalId), await card.RenderAsync(proposal, ct), ct);
        return proposal;
    }
}
