using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Proposals;

/// <summary>What a proposal is about as of now: its creator, its thread (refunds) and whether acting still makes sense.</summary>
public sealed record CaseState(Creator Creator, Thread? Thread)
{
    /// <summary>
    /// Why the action would be moot now (a ProposalText key), or null when it still applies. Asked when a proposal is
    /// made and again at the approver's press: a thread answered or refunded meanwhile, a creator already banned.
    /// </summary>
    /// <param name="since">When the proposal was made: a thread answered after that no longer needs an SLA refund.</param>
    public string? WhyMoot(ProposalKind kind, string reason, DateTimeOffset since, long? newPriceMinor, decimal? newFactor) => kind switch
    {
        ProposalKind.Refund when Thread is null => "Moot.NoThread",
        ProposalKind.Refund when Thread.RefundedAt is not null => "Moot.Refunded",
        ProposalKind.Refund when Thread.FirstReplyAt is { } answered && (reason == ProposalReasons.SlaMiss || answered > since) => "Moot.Answered",
        ProposalKind.DisableCheckout when Creator.CheckoutStatus != CheckoutStatus.Active => "Moot.CheckoutNotActive",
        ProposalKind.Ban when Creator.CheckoutStatus == CheckoutStatus.Banned => "Moot.Banned",
        ProposalKind.BlockFastLane when !Creator.FastLaneEnabled => "Moot.FastLaneBlocked",
        ProposalKind.AdjustPrice when (newPriceMinor ?? Creator.StandardPriceMinor) == Creator.StandardPriceMinor
            && (newFactor ?? Creator.FastLaneFactor) == Creator.FastLaneFactor => "Moot.SamePrice",
        ProposalKind.Lift when Creator.CheckoutStatus == CheckoutStatus.Active && Creator.FastLaneEnabled => "Moot.NothingToLift",
        _ => null,
    };

    /// <summary>
    /// For a stored proposal (the press, the execution): moot as above, or made on a state of the creator that has
    /// changed since (<see cref="ProposalBaseline"/>).
    /// </summary>
    public string? WhyMoot(Proposal p) =>
        WhyMoot(p.Kind, p.Reason, p.CreatedAt, p.NewPriceMinor, p.NewFastLaneFactor) ?? ProposalBaseline.WhyChanged(p, Creator);
}

/// <summary>Loads a <see cref="CaseState"/> and names the case (one open proposal per case).</summary>
public sealed class ProposalCases(OpsDbContext db)
{
    /// <summary>Refunds are per thread; everything else is per creator and kind.</summary>
    public static string KeyOf(ProposalKind kind, string creatorId, string? threadId) => kind == ProposalKind.Refund
        ? $"refund:{threadId}"
        : $"{kind.ToString().ToLowerInvariant()}:{creatorId}";

    /// <returns>The state, or null when the thread or creator is unknown.</returns>
    public async Task<CaseState?> LoadAsync(string? creatorId, string? threadId, CancellationToken ct)
    {
        Thread? thread = null;
        if (threadId is not null)
        {
            thread = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId, ct);
            if (thread is null) return null;
            creatorId = thread.CreatorId;
        }
        var creator = creatorId is null ? null : await db.Creators.AsNoTracking().SingleOrDefaultAsync(c => c.Id == creatorId, ct);
        return creator is null ? null : new CaseState(creator, thread);
    }

    public Task<CaseState?> LoadAsync(Proposal proposal, CancellationToken ct) => LoadAsync(proposal.CreatorId, proposal.ThreadId, ct);
}
