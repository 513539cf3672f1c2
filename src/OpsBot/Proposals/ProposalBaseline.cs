using OpsBot.Data;

namespace OpsBot.Proposals;

/// <summary>
/// The creator's state a proposal was made on, kept for exactly the fields its kind sets. A proposal stores an absolute
/// target (price 900, checkout Active), so approved after the creator's state moved on it would silently undo the newer
/// change: a "price cut" raising a price lowered meanwhile, a Lift reopening a checkout banned meanwhile. Refunds keep
/// none: their thread is re-checked on its own terms (<see cref="CaseState.WhyMoot(ProposalKind, string, DateTimeOffset, long?, decimal?)"/>).
/// </summary>
public static class ProposalBaseline
{
    /// <summary>Records on <paramref name="proposal"/> what of <paramref name="creator"/> its kind will set.</summary>
    public static void Take(Proposal proposal, Creator creator)
    {
        if (proposal.Kind is ProposalKind.DisableCheckout or ProposalKind.Ban or ProposalKind.Lift)
            proposal.BaselineCheckoutStatus = creator.CheckoutStatus;
        if (proposal.Kind is ProposalKind.BlockFastLane or ProposalKind.Lift)
            proposal.BaselineFastLaneEnabled = creator.FastLaneEnabled;
        // A price proposal sets the price, the factor or both: a change to the one it leaves alone is not overwritten.
        if (proposal.Kind == ProposalKind.AdjustPrice && proposal.NewPriceMinor is not null)
            proposal.BaselinePriceMinor = creator.StandardPriceMinor;
        if (proposal.Kind == ProposalKind.AdjustPrice && proposal.NewFastLaneFactor is not null)
            proposal.BaselineFastLaneFactor = creator.FastLaneFactor;
    }

    /// <returns>Why <paramref name="proposal"/> no longer applies to <paramref name="creator"/> (a ProposalText key), or null.</returns>
    public static string? WhyChanged(Proposal proposal, Creator creator) =>
        proposal.BaselineCheckoutStatus is { } checkout && checkout != creator.CheckoutStatus ? "Moot.CheckoutChanged"
        : proposal.BaselineFastLaneEnabled is { } lane && lane != creator.FastLaneEnabled ? "Moot.FastLaneChanged"
        : proposal.BaselinePriceMinor is { } price && price != creator.StandardPriceMinor ? "Moot.PriceChanged"
        : proposal.BaselineFastLaneFactor is { } factor && factor != creator.FastLaneFactor ? "Moot.FactorChanged"
        : null;
}
