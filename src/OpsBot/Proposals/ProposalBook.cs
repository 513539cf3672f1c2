using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Proposals;

/// <summary>
/// Makes proposals: checks the case, stores the proposal with its audit line in one save, and posts the approval card
/// to the approvals channel through the outbox. The same case never has two open proposals: asking again returns the
/// open one, and the unique open-case index settles a race between instances.
/// </summary>
public sealed class ProposalBook(
    OpsDbContext db, ProposalCases cases, AuditLog audit, Outbox outbox, ProposalCard card, TimeProvider clock, IOptions<ProposalOptions> options)
{
    /// <summary>The outbox key of a proposal's card; decisions update the message posted under it.</summary>
    public static string CardKey(long proposalId) => $"proposal:{proposalId}";

    /// <param name="alongside">
    /// Stored in the same transaction as a new proposal (the card a press came from, marked handled); when it throws,
    /// the proposal is not kept either. Not called when the case was open already.
    /// </param>
    /// <exception cref="ProposalRefusedException">Unknown thread or creator, bad values, or nothing would change.</exception>
    public async Task<Proposed> ProposeAsync(ProposalRequest request, CancellationToken ct, Func<Proposal, CancellationToken, Task>? alongside = null)
    {
        Validate(request);
        var state = await cases.LoadAsync(request.CreatorId, request.ThreadId, ct)
            ?? throw new ProposalRefusedException(request.ThreadId is null ? "Refused.UnknownCreator" : "Refused.UnknownThread", request.ThreadId ?? request.CreatorId ?? "");
        var now = clock.GetUtcNow();
        if (state.WhyMoot(request.Kind, request.Reason, now, request.NewPriceMinor, request.NewFastLaneFactor) is { } moot)
            throw new ProposalRefusedException(moot);

        var caseKey = ProposalCases.KeyOf(request.Kind, state.Creator.Id, state.Thread?.Id);
        if (await OpenAsync(caseKey, ct) is { } open) return new Proposed(open, Created: false);
        if (await ApprovedAsync(caseKey, ct) is { } approved) throw new ProposalRefusedException("Refused.AlreadyApproved", approved.Number);

        try
        {
            // Proposal, audit line and card commit together: no card without a proposal, no proposal without its line.
            // A new entity each attempt: a retried transaction must not re-add the one an undone attempt tracked.
            var proposal = await db.InTransactionAsync(async ct =>
            {
                var stored = await StoreAsync(New(request, state, caseKey, now), request.RequestedBy, ct);
                if (alongside is not null) await alongside(stored, ct);
                return stored;
            }, ct);
            return new Proposed(proposal, Created: true);
        }
        catch (DbUpdateException)
        {
            // Another instance proposed the same case between our look and our insert.
            if (await OpenAsync(caseKey, ct) is { } winner) return new Proposed(winner, Created: false);
            throw;
        }
    }

    private async Task<Proposal> StoreAsync(Proposal proposal, AuditActor requestedBy, CancellationToken ct)
    {
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        audit.Add(new AuditRecord(requestedBy, AuditActions.ProposalCreated, proposal.Number, proposal.Id, proposal.CreatorId,
            proposal.ThreadId, After: $"{proposal.Kind} open until {proposal.ExpiresAt:O}", Why: Why(proposal)));
        await db.SaveChangesAsync(ct);
        await outbox.EnqueueAsync(CardKey(proposal.Id), OutboxTarget.Channel(OpsChannel.Approvals), await card.RenderAsync(proposal, ct), ct);
        return proposal;
    }

    public Task<Proposal?> OpenAsync(string caseKey, CancellationToken ct) =>
        db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.OpenCaseKey == caseKey, ct);

    /// <summary>
    /// An approved proposal of the case whose action is still under way, or a refund already done. The approval freed
    /// the case, but until the execution (or, in Http mode, the platform's event) reaches the store the live state still
    /// looks as if the action were needed: a second approval would ask the platform for it a second time.
    /// </summary>
    private Task<Proposal?> ApprovedAsync(string caseKey, CancellationToken ct) =>
        db.Proposals.AsNoTracking()
            .Where(p => p.CaseKey == caseKey && p.Status == ProposalStatus.Approved
                && (p.Execution == ExecutionStatus.Pending || p.Execution == ExecutionStatus.Running
                    || (p.Kind == ProposalKind.Refund && p.Execution == ExecutionStatus.Succeeded)))
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(ct);

    private Proposal New(ProposalRequest request, CaseState state, string caseKey, DateTimeOffset now)
    {
        var proposal = new Proposal
        {
            Kind = request.Kind,
            CaseKey = caseKey,
            OpenCaseKey = caseKey,
            CreatorId = state.Creator.Id,
            ThreadId = state.Thread?.Id,
            Source = request.Source,
            Reason = request.Reason,
            // Feed data (a refund review's note and reason) can be longer than the column, which SQL Server refuses.
            Evidence = Limits.Cut(request.Evidence, Limits.Note),
            AmountMinor = request.Kind == ProposalKind.Refund ? state.Thread!.AmountMinor : null,
            Currency = request.Kind == ProposalKind.Refund ? state.Thread!.Currency : null,
            NewPriceMinor = request.NewPriceMinor,
            NewFastLaneFactor = request.NewFastLaneFactor,
            RequestedBy = request.RequestedBy.Id,
            RequestedByName = request.RequestedBy.Name,
            CreatedAt = now,
            ExpiresAt = now + options.Value.ExpireAfter,
            Status = ProposalStatus.Open,
            Execution = ExecutionStatus.None,
        };
        ProposalBaseline.Take(proposal, state.Creator);
        return proposal;
    }

    private static string Why(Proposal p) => p.Evidence is null ? p.Reason : $"{p.Reason}: {p.Evidence}";

    private static void Validate(ProposalRequest request)
    {
        if (request.Kind == ProposalKind.Refund && string.IsNullOrWhiteSpace(request.ThreadId))
            throw new ProposalRefusedException("Refused.RefundNeedsThread");
        if (request.Kind != ProposalKind.Refund && string.IsNullOrWhiteSpace(request.CreatorId))
            throw new ProposalRefusedException("Refused.NeedsCreator");
        if (request.Kind == ProposalKind.AdjustPrice)
        {
            if (request.NewPriceMinor is null && request.NewFastLaneFactor is null) throw new ProposalRefusedException("Refused.AdjustNeedsValue");
            if (request.NewPriceMinor is <= 0) throw new ProposalRefusedException("Refused.BadPrice", request.NewPriceMinor);
            // Two decimals at most: the card (like the creator card) shows two, and the approver must see what will be set.
            if (request.NewFastLaneFactor is { } factor && (factor is < 1m or > 10m || decimal.Round(factor, 2) != factor))
                throw new ProposalRefusedException("Refused.BadFactor", factor);
        }
        else if (request.NewPriceMinor is not null || request.NewFastLaneFactor is not null)
            throw new ProposalRefusedException("Refused.ValueOnlyForAdjust");
    }
}
