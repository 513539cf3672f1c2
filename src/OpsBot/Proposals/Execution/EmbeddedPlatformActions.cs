using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using OpsBot.Formatting;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// <c>Platform:Mode=Embedded</c>: the ops store is the platform, so the action is a change to it (a refund row and the
/// thread closed, a creator's checkout, fast lane or price). It runs inside the runner's transaction, which also marks
/// the proposal executed: the change happens exactly once even if the host dies halfway. The live state is read
/// again in that transaction; when the action is moot by now (the thread was refunded meanwhile), nothing changes.
/// </summary>
public sealed class EmbeddedPlatformActions(OpsDbContext db, OpsText text, TimeProvider clock) : IPlatformActions
{
    public bool InStore => true;

    /// <summary>The id of the refund an embedded execution records: one per proposal, so a second run could not add a second.</summary>
    public static string RefundId(Proposal p) => $"opsbot-{p.Number}";

    public async Task<PlatformActionResult> ExecuteAsync(Proposal proposal, CancellationToken ct)
    {
        var creator = await db.Creators.SingleOrDefaultAsync(c => c.Id == proposal.CreatorId, ct);
        var thread = proposal.ThreadId is null ? null : await db.Threads.SingleOrDefaultAsync(t => t.Id == proposal.ThreadId, ct);
        if (creator is null || (proposal.ThreadId is not null && thread is null))
            return PlatformActionResult.Refused($"unknown {(creator is null ? "creator " + proposal.CreatorId : "thread " + proposal.ThreadId)}");

        var now = clock.GetUtcNow();
        var state = new CaseState(creator, thread);
        var before = CaseSnapshot.Of(proposal.Kind, state, now);
        if (state.WhyMoot(proposal) is { } moot)
            return new PlatformActionResult(PlatformOutcome.NothingToDo, NothingToDo(moot), before, before);

        // Before the refund closes the thread: whether it is still unanswered past its deadline decides the reason.
        var reason = RefundReasons.For(proposal, thread, now);
        var detail = Apply(proposal, creator, thread, reason, now);
        await db.SaveChangesAsync(ct);
        var after = CaseSnapshot.Of(proposal.Kind, state, now);
        return new PlatformActionResult(PlatformOutcome.Done, detail ?? $"{before} → {after}", before, after, RefundReason: reason);
    }

    /// <summary>"Nothing to do: the thread is already refunded." for the card, in the team's language.</summary>
    private string NothingToDo(string mootKey) =>
        text.Of(ExecutionText.Resources).Format("Result.NothingToDo", text.Of(ProposalText.Resources)[mootKey]);

    /// <returns>The refund's id for a refund, else null (the before → after line says it all).</returns>
    private string? Apply(Proposal p, Creator creator, Thread? thread, RefundReason? reason, DateTimeOffset now)
    {
        switch (p.Kind)
        {
            case ProposalKind.Refund:
                db.Refunds.Add(new Refund
                {
                    Id = RefundId(p), ThreadId = thread!.Id, AmountMinor = p.AmountMinor ?? thread.AmountMinor, Currency = p.Currency ?? thread.Currency,
                    Reason = reason!.Value, Automatic = false, At = now,
                });
                thread.ApplyRefund(now);
                return $"refund {RefundId(p)}";
            case ProposalKind.DisableCheckout:
                creator.CheckoutStatus = CheckoutStatus.Maintenance;
                break;
            case ProposalKind.Ban:
                creator.CheckoutStatus = CheckoutStatus.Banned;
                break;
            case ProposalKind.BlockFastLane:
                creator.FastLaneEnabled = false;
                break;
            case ProposalKind.AdjustPrice:
                creator.StandardPriceMinor = p.NewPriceMinor ?? creator.StandardPriceMinor;
                creator.FastLaneFactor = p.NewFastLaneFactor ?? creator.FastLaneFactor;
                break;
            case ProposalKind.Lift:
                creator.CheckoutStatus = CheckoutStatus.Active;
                creator.FastLaneEnabled = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "Unknown proposal kind.");
        }
        return null;
    }
}
