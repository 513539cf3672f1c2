using Microsoft.EntityFrameworkCore;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Nudges;

/// <summary>
/// The nudges of the last 7 days, newest first, overall or for one creator; for one creator also whether they are
/// opted out, with the button to stop or resume. What <c>/ops nudges [@creator]</c> shows and the buttons redraw.
/// </summary>
public sealed class NudgeList(OpsDbContext db, NudgeSettings settings, OpsFormat format, OpsText text, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>Rows shown; the table says how many more there were.</summary>
    public const int MaxRows = 50;

    private Texts T => text.Of(NudgeText.Resources);

    public async Task<ChatMessage> BuildAsync(Creator? creator, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - Window;
        var recent = db.Nudges.AsNoTracking().Where(n => n.At >= since && n.At <= now);
        if (creator is not null) recent = recent.Where(n => n.CreatorId == creator.Id);
        var total = await recent.CountAsync(ct);
        var rows = await recent.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(MaxRows).ToListAsync(ct);
        var handles = await db.HandlesByIdAsync([.. rows.Select(r => r.CreatorId).Distinct()], ct);
        var setting = creator is null ? null : await settings.FindAsync(creator.Id, ct);

        var header = creator is null ? T["List.Header"] : T.Format("List.Header.Creator", creator.Handle);
        var blocks = new List<MessageBlock> { new HeaderBlock(header) };
        if (creator is not null) blocks.Add(new TextBlock(State(creator, setting)));
        blocks.Add(rows.Count == 0
            ? new TextBlock(T.Rich("List.None"))
            : new TableBlock(
                [T["Column.At"], T["Column.Creator"], T["Column.Thread"], T["Column.Offset"], T["Column.Via"], T["Column.Status"]],
                [.. rows.Select(r => (IReadOnlyList<string>)
                [
                    format.Time(r.At), handles.GetValueOrDefault(r.CreatorId, r.CreatorId), r.ThreadId, format.Duration(r.Offset),
                    T[$"Via.{r.Via}"], T[$"Status.{r.Status}"],
                ])], total));
        blocks.Add(new ContextBlock(T.Rich("List.Context", format.TimeValue(since), format.Zone.Id)));
        if (creator is not null) blocks.Add(Switch(creator, setting));
        return new ChatMessage(header, [.. blocks], []);
    }

    private RichText State(Creator creator, CreatorNudgeSetting? setting) => setting switch
    {
        { OptedOut: true } s => T.Rich("State.OptedOut", creator.Handle, s.ChangedBy, format.TimeValue(s.ChangedAt)),
        { } s => T.Rich("State.Resumed", creator.Handle, s.ChangedBy, format.TimeValue(s.ChangedAt)),
        null => T.Rich("State.On", creator.Handle),
    };

    private ButtonsBlock Switch(Creator creator, CreatorNudgeSetting? setting) =>
        setting is { OptedOut: true }
            ? new ButtonsBlock([new ChatButton(NudgeSwitchAction.IdFor(NudgeSwitchAction.Resume, creator.Handle), T["Button.Resume"], ButtonStyle.Primary)])
            : new ButtonsBlock([new ChatButton(NudgeSwitchAction.IdFor(NudgeSwitchAction.Stop, creator.Handle), T["Button.Stop"], ButtonStyle.Danger,
                T.Format("Button.Stop.Confirm", creator.Handle))]);
}
