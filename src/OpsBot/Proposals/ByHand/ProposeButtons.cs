using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Proposals.ByHand;

/// <summary>The "Propose …" buttons other features show: on the creator card, and on the radar's overdue rows.</summary>
public sealed class ProposeButtons(OpsFormat format, OpsText text)
{
    /// <summary>Refund buttons under the radar: one row on Discord, next to the row of the CSV and card buttons.</summary>
    public const int MaxRefunds = 5;

    private Texts T => text.Of(ByHandText.Resources);

    /// <summary>Only what would change something: no ban for a banned creator, "Lift" only when something is blocked.</summary>
    public IReadOnlyList<ChatButton> ForCreator(CreatorProfile p)
    {
        var buttons = new List<ChatButton>();
        // Handles are at most 64 characters, so a creator's button id always fits.
        void Add(ProposalKind kind, string label, ButtonStyle style = ButtonStyle.Default) =>
            buttons.Add(new ChatButton(ProposeAction.IdFor(kind, p.Handle)!, T[label], style));
        if (p.Status != CheckoutStatus.Banned) Add(ProposalKind.Ban, "Button.Ban", ButtonStyle.Danger);
        if (p.Status == CheckoutStatus.Active) Add(ProposalKind.DisableCheckout, "Button.Checkout");
        if (p.FastLaneEnabled) Add(ProposalKind.BlockFastLane, "Button.FastLane");
        if (p.Status != CheckoutStatus.Active || !p.FastLaneEnabled) Add(ProposalKind.Lift, "Button.Lift");
        return buttons;
    }

    /// <summary>"Propose refund" for the most overdue of <paramref name="shown"/> (the radar's order), at most <see cref="MaxRefunds"/>.</summary>
    public IReadOnlyList<ChatButton> ForOverdue(IEnumerable<RadarThread> shown) =>
    [
        .. shown.Where(t => t.Flag == RadarFlag.Overdue)
            .Select(t => (Thread: t, Id: ProposeAction.IdFor(ProposalKind.Refund, t.ThreadId)))
            .Where(b => b.Id is not null)
            .Take(MaxRefunds)
            .Select(b => new ChatButton(b.Id!, T.Format("Button.Refund", b.Thread.CreatorHandle, format.Money(b.Thread.AmountMinor, b.Thread.Currency), b.Thread.ThreadId))),
    ];
}
