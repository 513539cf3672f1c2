using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Proposals.Decisions;

/// <summary>
/// <c>proposal.reject:{id}</c>: pressed, it asks the approver for a reason (a <see cref="ChatPrompt"/> whose submit action
/// is this same button); submitted with the reason as <see cref="ActionContext.Input"/>, it rejects. Both runs pass all
/// the rules of <see cref="ProposalPress"/>, so someone who is not an approver never sees the question, and a forged
/// submission is refused like a press. The requester may reject (withdraw) their own proposal.
/// </summary>
public sealed class RejectProposalAction(ProposalPress rules, OpsText text) : IChatAction
{
    public const int MinReason = 3, MaxReason = 500;

    public string Name => ProposalCard.Reject;

    private Texts T => text.Of(ProposalText.Resources);

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        var screened = await rules.ScreenAsync(context, approving: false, ct);
        if (screened.Open is not { } open) return new ActionResult(Reply: screened.Answer);
        var reason = context.Input?.Trim();
        // A bad reason changes nothing, not even a stale proposal: the answer is only "a reason, please".
        if (reason is { Length: < MinReason or > MaxReason })
            return new ActionResult(Prompt: Question(open, context, T.Format("Prompt.Reject.BadReason", MinReason, MaxReason)));
        if (await rules.CloseIfStaleAsync(open, context.Actor, ct) is { } stale) return new ActionResult(Reply: stale);
        if (reason is null) return new ActionResult(Prompt: Question(open, context, problem: null));

        var rejection = new Closing(ProposalStatus.Rejected, AuditActor.Of(context.Actor), AuditActions.ProposalRejected, Note: reason);
        return new ActionResult(Reply: await rules.CloseAsync(open, rejection, rules.Say("Press.Rejected", open.Number, reason), ct));
    }

    private ChatPrompt Question(Proposal open, ActionContext context, string? problem) => new(
        T.Format("Prompt.Reject.Title", open.Number), T.Format("Prompt.Reject.Label", open.Number), context.Action.ToString(),
        T["Prompt.Reject.Placeholder"], problem, MaxReason);
}
