using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Proposals.Playbooks;

/// <summary>A fan's flag with the thread and creator it is about.</summary>
public sealed record FlaggedAnswer(MessageFlag Flag, Thread Thread, Creator Creator)
{
    /// <summary>The flag in the platform's words, for evidence and the audit log.</summary>
    public string Summary => Evidence.Of(Flag.Reason, Flag.Note);
}

/// <summary>How a platform's reason and note read as evidence: <c>disputed_answer: Fan disputes the answer.</c></summary>
public static class Evidence
{
    public static string Of(string reason, string? note) => note is { Length: > 0 } ? $"{reason}: {note}" : reason;
}

/// <summary>A flag whose audit card was posted (<see cref="PostedAt"/>), and whether someone already dismissed it or proposed its refund.</summary>
public sealed record PostedFlag(FlaggedAnswer Flagged, DateTimeOffset PostedAt, bool Handled);

/// <summary>
/// The audit card of a flag in the approvals channel: the thread, the flag's reason and note, and the creator's record
/// (answer rate, refund rate, flags in 30 days), with "Propose refund" and "Dismiss". It is posted once under
/// <see cref="Key"/>; whichever button is pressed first rewrites it in place (<see cref="HandledKey"/>) without buttons.
/// </summary>
public sealed class FlagCard(OpsDbContext db, CreatorCardQuery creatorCards, OpsFormat format, OpsText text)
{
    public const string Propose = "flag.propose", Dismiss = "flag.dismiss";

    public static string Key(long flagId) => $"flag:{Id(flagId)}";

    public static string HandledKey(long flagId) => $"flag:{Id(flagId)}:handled";

    private Texts T => text.Of(PlaybookText.Resources);

    /// <summary>The flags <paramref name="which"/> picks whose thread and creator are known (a flag may arrive before its thread).</summary>
    public IQueryable<FlaggedAnswer> Flagged(Expression<Func<MessageFlag, bool>> which) =>
        from f in db.MessageFlags.AsNoTracking().Where(which)
        join t in db.Threads.AsNoTracking() on f.ThreadId equals t.Id
        join c in db.Creators.AsNoTracking() on t.CreatorId equals c.Id
        select new FlaggedAnswer(f, t, c);

    /// <param name="argument">A button's argument, the flag id.</param>
    /// <returns>null for a flag that does not exist or has no card.</returns>
    public async Task<PostedFlag?> FindPostedAsync(string argument, CancellationToken ct)
    {
        if (!long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var flagged = await Flagged(f => f.Id == id).SingleOrDefaultAsync(ct);
        var keys = new[] { Key(id), HandledKey(id) };
        var posts = await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.Key)).Select(m => new { m.Key, m.CreatedAt }).ToListAsync(ct);
        var card = posts.SingleOrDefault(p => p.Key == Key(id));
        return flagged is null || card is null ? null : new PostedFlag(flagged, card.CreatedAt, posts.Count == 2);
    }

    /// <param name="asOf">The time the creator's record is computed for: when the card was first posted, also for its rewrite.</param>
    /// <param name="outcome">What became of the flag; null while it waits, which shows the buttons.</param>
    public async Task<ChatMessage> RenderAsync(FlaggedAnswer flagged, DateTimeOffset asOf, RichText? outcome, CancellationToken ct)
    {
        var (flag, thread, creator) = flagged;
        var record = await creatorCards.RunAsync(creator.Handle, asOf, ct);
        var header = T.Format("Card.Header", creator.Handle, thread.Id);
        var what = flag.Note is { Length: > 0 } note ? T.Rich("Card.Flag", flag.Reason, note) : T.Rich("Card.FlagNoNote", flag.Reason);
        var answered = thread.FirstReplyAt is { } at ? format.TimeValue(at) : (object)T["Card.NotAnswered"];
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock(header),
            new TextBlock(what),
            new FieldsBlock(
            [
                new(T["Field.Thread"], T.Rich("Card.Thread", thread.Id, format.Money(thread.AmountMinor, thread.Currency), answered)),
                new(T["Field.AnswerRate"], RichText.Plain(format.Percent(record?.AnswerRate.Rate))),
                new(T["Field.RefundRate"], RichText.Plain(format.Percent(record?.Refunds.Rate))),
                new(T["Field.Flags"], RichText.Plain(format.Number(record?.MessageFlags ?? 0))),
            ]),
            new ContextBlock(T.Rich("Card.Flagged", format.TimeValue(flag.At))),
        };
        blocks.Add(outcome is null
            ? new ButtonsBlock(
            [
                new ChatButton(ActionId.Create(Propose, Id(flag.Id)).ToString(), T["Button.ProposeRefund"], ButtonStyle.Primary),
                new ChatButton(ActionId.Create(Dismiss, Id(flag.Id)).ToString(), T["Button.Dismiss"]),
            ])
            : new TextBlock(outcome));
        return new ChatMessage($"{header}: {what}", [.. blocks], []);
    }

    private static string Id(long flagId) => flagId.ToString(CultureInfo.InvariantCulture);
}
