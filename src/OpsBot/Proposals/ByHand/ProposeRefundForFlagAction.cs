using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Proposals.Playbooks;

namespace OpsBot.Proposals.ByHand;

/// <summary>
/// "Propose refund" on a flag's audit card (<c>flag.propose:17</c>): a refund proposal for the flagged thread, reason
/// <c>flag</c>, requested by the presser (who therefore cannot approve it). The card then says which proposal it became.
/// </summary>
public sealed class ProposeRefundForFlagAction(
    FlagCard cards, ProposalBook book, Outbox outbox, ProposalReplies replies, OpsFormat format, OpsText text, TimeProvider clock) : IChatAction
{
    public string Name => FlagCard.Propose;

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        if (await cards.FindPostedAsync(context.Action.Argument, ct) is not { } posted)
            return new ActionResult(Reply: replies.Say("Problem.UnknownFlag", context.Action.Argument));
        if (posted.Handled) return new ActionResult(Reply: replies.Say("Problem.FlagHandled"));

        var (flag, thread, _) = posted.Flagged;
        var who = AuditActor.Of(context.Actor);
        var texts = text.Of(PlaybookText.Resources);
        Proposed proposed;
        try
        {
            // The card is marked handled with the new proposal, in one transaction: of this and a Dismiss pressed at the
            // same moment only one takes effect.
            proposed = await book.ProposeAsync(new ProposalRequest(ProposalKind.Refund, ProposalSource.Flag, ProposalReasons.Flag, who,
                ThreadId: thread.Id, Evidence: posted.Flagged.Summary), ct, async (proposal, ct) =>
                {
                    var outcome = texts.Rich("Card.Proposed", proposal.Number, who.Name, format.TimeValue(clock.GetUtcNow()));
                    if (!await outbox.TryEnqueueUpdateAsync(FlagCard.HandledKey(flag.Id), FlagCard.Key(flag.Id),
                            await cards.RenderAsync(posted.Flagged, posted.PostedAt, outcome, ct), ct))
                        throw new ProposalRefusedException("Refused.FlagHandled");
                });
        }
        catch (ProposalRefusedException e)
        {
            // The card keeps its buttons unless it was handled meanwhile: the flag is still there to dismiss.
            return new ActionResult(Reply: replies.Refused(e));
        }
        if (!proposed.Created)
        {
            // The case was open already (an SLA refund, another flag): the card names whoever really proposed it.
            var outcome = texts.Rich("Card.AlreadyProposed", proposed.Proposal.Number, proposed.Proposal.RequestedByName,
                format.TimeValue(proposed.Proposal.CreatedAt));
            await outbox.EnqueueUpdateAsync(FlagCard.HandledKey(flag.Id), FlagCard.Key(flag.Id), await cards.RenderAsync(posted.Flagged, posted.PostedAt, outcome, ct), ct);
        }
        return new ActionResult(Reply: await replies.ProposedAsync(proposed, ct));
    }
}
