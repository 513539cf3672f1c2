using OpsBot.Chat;
using OpsBot.Creators;
using OpsBot.Formatting;
using OpsBot.Metrics;
using OpsBot.Proposals.ByHand;

namespace OpsBot.Radar;

/// <summary>
/// The radar as a message: what is burning (counts, money at risk), the most urgent threads, and one click
/// to the whole list as CSV, to a creator's card, or to a refund proposal for an overdue thread.
/// </summary>
public sealed class RadarMessage(OpsFormat format, OpsText text, ProposeButtons propose)
{
    /// <summary>Rows shown; the table says how many more there are and the CSV has them all.</summary>
    public const int MaxRows = 15;

    /// <summary>Card buttons next to the CSV button: five buttons make one row on every platform.</summary>
    public const int MaxCardButtons = 4;

    private Texts T => text.Of(RadarText.Resources);

    /// <param name="request">What was asked (as of, hours as typed, creator), for the CSV button to ask again.</param>
    /// <param name="attachCsv">Attach the whole list now instead of offering the button.</param>
    public ChatMessage Build(RadarResult radar, RadarRequest request, bool attachCsv)
    {
        var header = radar.CreatorHandle is { } handle ? T.Format("Header.Creator", handle) : T["Header"];
        var context = new ContextBlock(T.Rich("Context", format.TimeValue(radar.AsOf), format.Zone.Id));
        var files = attachCsv ? new[] { RadarCsv.File(radar) } : [];
        if (radar.Threads.Count == 0)
        {
            var clear = radar.CreatorHandle is { } h ? T.Rich("AllClear.Creator", h) : T.Rich("AllClear");
            return new ChatMessage($"{header}: {clear}", [new HeaderBlock(header), new TextBlock(clear), context], files);
        }

        var c = radar.Counts;
        var summary = T.Rich("Summary", c.Overdue, c.Critical, c.Ok, format.Money(radar.MoneyAtRiskMinor), format.Hours(radar.WarnHours));
        var shown = radar.Threads.Take(MaxRows).ToList();
        var blocks = new List<MessageBlock> { new HeaderBlock(header), new TextBlock(summary), Table(shown, radar.Threads.Count), context };
        var buttons = Buttons(shown, radar, request, attachCsv);
        if (buttons.Count > 0) blocks.Add(new ButtonsBlock(buttons));
        // A second row: "Propose refund" for the most overdue threads shown, at most five (one row on Discord).
        if (propose.ForOverdue(shown) is { Count: > 0 } refunds) blocks.Add(new ButtonsBlock(refunds));
        return new ChatMessage($"{header}: {summary}", blocks, files);
    }

    private TableBlock Table(List<RadarThread> shown, int total) => new(
        [T["Column.Flag"], T["Column.Creator"], T["Column.Lane"], T["Column.Amount"], T["Column.TimeLeft"], T["Column.Deadline"]],
        [.. shown.Select(t => (IReadOnlyList<string>)
        [
            T[$"Flag.{t.Flag}"], t.CreatorHandle, T[$"Lane.{t.Lane}"], format.Money(t.AmountMinor, t.Currency),
            format.TimeLeft(t.RemainingMs), format.Time(t.DeadlineAt),
        ])],
        total);

    private List<ChatButton> Buttons(List<RadarThread> shown, RadarResult radar, RadarRequest request, bool attachCsv)
    {
        var buttons = new List<ChatButton>();
        if (!attachCsv)
            buttons.Add(new ChatButton(RadarCsvAction.IdFor(request with { CreatorHandle = radar.CreatorHandle }), T["Button.Csv"]));
        // The creators of the most urgent threads; for a one-creator radar that is the creator themself.
        buttons.AddRange(shown.Select(t => t.CreatorHandle).Distinct(StringComparer.Ordinal).Take(MaxCardButtons)
            .Select(h => new ChatButton(ShowCreatorAction.IdFor(h), T.Format("Button.Card", h))));
        return buttons;
    }
}
