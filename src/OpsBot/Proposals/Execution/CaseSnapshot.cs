using System.Globalization;
using OpsBot.Data;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// The part of the live state a proposal's kind touches, as one line for the audit log's before/after
/// (<c>checkout Active</c> → <c>checkout Maintenance</c>). Invariant English, like the rest of the audit log.
/// </summary>
public static class CaseSnapshot
{
    public static string Of(ProposalKind kind, CaseState state, DateTimeOffset now) => kind switch
    {
        ProposalKind.Refund => state.Thread is { } t ? Thread(t, now) : "thread unknown",
        ProposalKind.DisableCheckout or ProposalKind.Ban => Checkout(state.Creator),
        ProposalKind.BlockFastLane => FastLane(state.Creator),
        ProposalKind.AdjustPrice => string.Create(CultureInfo.InvariantCulture,
            $"price {state.Creator.StandardPriceMinor} {state.Creator.Currency} (minor units), fast-lane factor {state.Creator.FastLaneFactor:0.####}"),
        ProposalKind.Lift => $"{Checkout(state.Creator)}, {FastLane(state.Creator)}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Thread(Data.Thread t, DateTimeOffset now) => t.RefundedAt is { } at
        ? $"thread {t.Id} refunded at {at.UtcDateTime:O}"
        : $"thread {t.Id} {t.StatusAsOf(now).ToString().ToLowerInvariant()}";

    private static string Checkout(Creator c) => $"checkout {c.CheckoutStatus}";

    private static string FastLane(Creator c) => c.FastLaneEnabled ? "fast lane on" : "fast lane off";
}
