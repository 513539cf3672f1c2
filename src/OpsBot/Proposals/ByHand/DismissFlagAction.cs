using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Proposals.Playbooks;

namespace OpsBot.Proposals.ByHand;

/// <summary>
/// "Dismiss" on a flag's audit card (<c>flag.dismiss:17</c>): the flag needs nothing. Recorded in the audit log
/// (<c>flag.dismissed</c>) and the card rewritten in place without its buttons, in one transaction; a second press,
/// even at the same moment, changes nothing.
/// </summary>
public sealed class DismissFlagAction(OpsDbContext db, FlagCard cards, AuditLog audit, Outbox outbox, ProposalReplies replies, OpsFormat format, OpsText text, TimeProvider clock)
    : IChatAction
{
    public string Name => FlagCard.Dismiss;

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        if (await cards.FindPostedAsync(context.Action.Argument, ct) is not { } posted)
            return new ActionResult(Reply: replies.Say("Problem.UnknownFlag", context.Action.Argument));
        if (posted.Handled) return new ActionResult(Reply: replies.Say("Problem.FlagHandled"));

        var (flag, thread, creator) = posted.Flagged;
        var who = AuditActor.Of(context.Actor);
        var outcome = text.Of(PlaybookText.Resources).Rich("Card.Dismissed", who.Name, format.TimeValue(clock.GetUtcNow()));
        var card = await cards.RenderAsync(posted.Flagged, posted.PostedAt, outcome, ct);
        var dismissed = await db.InTransactionAsync(async ct =>
        {
            // The card's update first: of two presses at the same moment only the one that stores it writes the audit line.
            if (!await outbox.TryEnqueueUpdateAsync(FlagCard.HandledKey(flag.Id), FlagCard.Key(flag.Id), card, ct)) return false;
            audit.Add(new AuditRecord(who, AuditActions.FlagDismissed, $"flag {flag.Id}", CreatorId: creator.Id, ThreadId: thread.Id,
                Before: "open", After: "dismissed", Why: posted.Flagged.Summary));
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        return new ActionResult(Reply: dismissed ? replies.Say("Reply.Dismissed", thread.Id) : replies.Say("Problem.FlagHandled"));
    }
}
