using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Data;

namespace OpsBot.Proposals.Decisions;

/// <summary>
/// <c>proposal.approve:{id}</c>: after the rules of <see cref="ProposalPress"/>, approves and queues the execution in the
/// same UPDATE. The card is rewritten through the outbox (<see cref="ProposalClosing"/>), never through this press's
/// answer: the outbox knows where the card is wherever it was pressed, and the execution's later updates go the same
/// way in order, so an edit from this press cannot land after (and hide) a newer one.
/// </summary>
public sealed class ApproveProposalAction(ProposalPress rules) : IChatAction
{
    public string Name => ProposalCard.Approve;

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        var screened = await rules.ScreenAsync(context, approving: true, ct);
        if (screened.Open is not { } open) return new ActionResult(Reply: screened.Answer);
        if (await rules.CloseIfStaleAsync(open, context.Actor, ct) is { } stale) return new ActionResult(Reply: stale);
        var approval = new Closing(ProposalStatus.Approved, AuditActor.Of(context.Actor), AuditActions.ProposalApproved);
        return new ActionResult(Reply: await rules.CloseAsync(open, approval, rules.Say("Press.Approved", open.Number), ct));
    }
}
