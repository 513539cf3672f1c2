using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// Writes an attempt's outcome: the proposal's execution columns (only while this instance still holds the claim), the
/// audit line, the card's update in place, and the escalation or the creator's note, all in one transaction. Succeeded
/// and Failed are final: the queue never picks them up again.
/// </summary>
public sealed class ExecutionRecord(OpsDbContext db, AuditLog audit, Outbox outbox, ProposalCard card, ExecutionNotes notes,
    ExecutionSignal signal, TimeProvider clock, IOptions<ExecutionOptions> options, ILogger<ExecutionRecord> log)
{
    /// <summary>The outbox key of the card's update after an attempt: one per attempt and state, so none replaces another.</summary>
    public static string CardUpdateKey(long proposalId, int attempt, ExecutionStatus state) =>
        $"{ProposalBook.CardKey(proposalId)}:exec:{attempt}:{state.ToString().ToLowerInvariant()}";

    /// <summary>Inside the caller's transaction, which also holds the action when it changed the store.</summary>
    /// <returns>False when the claim was lost (another instance holds it now): nothing was written.</returns>
    public async Task<bool> SucceededAsync(Proposal claimed, PlatformActionResult result, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var detail = Limits.Cut(result.Detail, Limits.Note);
        var written = await Claimed(claimed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Execution, ExecutionStatus.Succeeded)
            .SetProperty(p => p.ExecutedAt, now)
            .SetProperty(p => p.ExecutionResult, detail)
            .SetProperty(p => p.ExecutionError, (string?)null)
            .SetProperty(p => p.NextExecutionAt, (DateTimeOffset?)null)
            .SetProperty(p => p.ExecutionOwner, (string?)null)
            .SetProperty(p => p.ExecutionLeaseUntil, (DateTimeOffset?)null), ct);
        if (written == 0) return false;

        var p = await ReloadAsync(claimed.Id, ct);
        audit.Add(new AuditRecord(AuditActor.OpsBot, AuditActions.ExecutionSucceeded, p.Number, p.Id, p.CreatorId, p.ThreadId,
            result.Before, result.After, Why: $"{p.Kind} approved by {p.DecidedByName}; attempt {p.ExecutionAttempts}: {detail}{RefundReasonOf(result)}"));
        await db.SaveChangesAsync(ct);
        await UpdateCardAsync(p, ct);
        // The fan hears from the platform itself (it notifies on every refund); the creator gets a note from us whenever the
        // refund was for a missed deadline, whichever playbook or person proposed it.
        if (result is { Outcome: PlatformOutcome.Done, RefundReason: RefundReason.SlaMiss })
            await outbox.EnqueueAsync(ExecutionNotes.CreatorNoteKey(p.Id), OutboxTarget.CreatorDm(p.CreatorId), await notes.SlaRefundNoteAsync(p, ct), ct);
        log.LogInformation("Executed {Proposal} ({Kind}) on attempt {Attempt}: {Detail}", p.Number, p.Kind, p.ExecutionAttempts, detail);
        return true;
    }

    /// <summary>Back to the queue with a later due time, or after the last attempt (or a refusal) failed for good and escalated.</summary>
    public async Task FailedAsync(Proposal claimed, PlatformActionResult result, CancellationToken ct)
    {
        var settings = options.Value;
        var error = Limits.Cut(result.Detail, Limits.Note);
        var giveUp = result.Outcome == PlatformOutcome.Refused || claimed.ExecutionAttempts >= settings.MaxAttempts;
        var next = giveUp ? (DateTimeOffset?)null : clock.GetUtcNow() + settings.RetryAfter(claimed.ExecutionAttempts, result.RetryAfter);
        var failed = await db.InTransactionAsync<Proposal?>(async ct =>
        {
            var written = await Claimed(claimed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Execution, giveUp ? ExecutionStatus.Failed : ExecutionStatus.Pending)
                .SetProperty(p => p.NextExecutionAt, next)
                .SetProperty(p => p.ExecutionError, error)
                .SetProperty(p => p.ExecutionOwner, (string?)null)
                .SetProperty(p => p.ExecutionLeaseUntil, (DateTimeOffset?)null), ct);
            if (written == 0) return null;

            var p = await ReloadAsync(claimed.Id, ct);
            audit.Add(new AuditRecord(AuditActor.OpsBot, giveUp ? AuditActions.ExecutionFailed : AuditActions.ExecutionRetrying, p.Number, p.Id,
                p.CreatorId, p.ThreadId, Before: $"execution {ExecutionStatus.Running}, attempt {p.ExecutionAttempts} of {settings.MaxAttempts}",
                After: giveUp ? $"execution {ExecutionStatus.Failed}" : $"execution {ExecutionStatus.Pending} until {next:O}", Why: error));
            await db.SaveChangesAsync(ct);
            await UpdateCardAsync(p, ct);
            if (giveUp) await outbox.EnqueueAsync(ExecutionNotes.AlertKey(p.Id), OutboxTarget.Channel(OpsChannel.Alerts), await notes.FailedAlertAsync(p, ct), ct);
            return p;
        }, ct);
        if (failed is null) return;
        if (giveUp) log.LogError("Execution of {Proposal} failed for good after {Attempts} attempts: {Error}", failed.Number, failed.ExecutionAttempts, error);
        else log.LogWarning("Execution of {Proposal} failed (attempt {Attempt} of {Max}), next try at {At}: {Error}",
            failed.Number, failed.ExecutionAttempts, settings.MaxAttempts, next, error);
    }

    private async Task UpdateCardAsync(Proposal p, CancellationToken ct) =>
        await outbox.EnqueueUpdateAsync(CardUpdateKey(p.Id, p.ExecutionAttempts, p.Execution), ProposalBook.CardKey(p.Id), await card.RenderAsync(p, ct), ct);

    /// <summary>Still ours: a write after a lost lease must not overwrite the new owner's state.</summary>
    private IQueryable<Proposal> Claimed(long id) =>
        db.Proposals.Where(p => p.Id == id && p.Execution == ExecutionStatus.Running && p.ExecutionOwner == signal.Owner);

    private Task<Proposal> ReloadAsync(long id, CancellationToken ct) => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, ct);

    /// <summary>The refund's reason may differ from the proposal's (a review of an overdue thread is an SLA miss): the line says which it was.</summary>
    private static string RefundReasonOf(PlatformActionResult result) =>
        result is { Outcome: PlatformOutcome.Done, RefundReason: { } reason } ? $", reason {RefundReasons.WireName(reason)}" : "";
}
