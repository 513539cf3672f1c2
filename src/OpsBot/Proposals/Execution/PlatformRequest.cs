using System.Text.Json.Nodes;
using OpsBot.Data;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// The platform API call for a proposal (docs/platform-actions.md): one POST per proposal, so one Idempotency-Key
/// covers the whole action. Money in minor units with its ISO currency, as everywhere in OpsBot.
/// </summary>
public sealed record PlatformRequest(string Path, JsonObject Body)
{
    /// <param name="currency">The creator's currency, for a new price (prices are in the creator's currency).</param>
    /// <param name="refundReason">For a refund: the reason the platform records (<see cref="RefundReasons.For"/>).</param>
    public static PlatformRequest For(Proposal p, string? currency, RefundReason? refundReason)
    {
        var creator = $"v1/creators/{Uri.EscapeDataString(p.CreatorId)}";
        var (path, body) = p.Kind switch
        {
            ProposalKind.Refund => ("v1/refunds", new JsonObject
            {
                ["threadId"] = p.ThreadId,
                ["amountMinor"] = p.AmountMinor,
                ["currency"] = p.Currency,
                ["reason"] = RefundReasons.WireName(refundReason!.Value),
                ["notifyFan"] = true,
            }),
            ProposalKind.DisableCheckout => ($"{creator}/checkout", new JsonObject { ["status"] = "maintenance" }),
            ProposalKind.Ban => ($"{creator}/checkout", new JsonObject { ["status"] = "banned" }),
            ProposalKind.BlockFastLane => ($"{creator}/fast-lane", new JsonObject { ["enabled"] = false }),
            ProposalKind.AdjustPrice => ($"{creator}/pricing", Pricing(p, currency)),
            ProposalKind.Lift => ($"{creator}/lift", new JsonObject()),
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "Unknown proposal kind."),
        };
        body["proposal"] = new JsonObject
        {
            ["id"] = p.Number,
            ["reason"] = p.Reason,
            ["approvedBy"] = p.DecidedBy,
        };
        return new PlatformRequest(path, body);
    }

    /// <summary>Only what changes: an absent field keeps its value on the platform.</summary>
    private static JsonObject Pricing(Proposal p, string? currency)
    {
        var body = new JsonObject();
        if (p.NewPriceMinor is { } price)
        {
            body["standardPriceMinor"] = price;
            body["currency"] = currency;
        }
        if (p.NewFastLaneFactor is { } factor) body["fastLaneFactor"] = factor;
        return body;
    }
}
