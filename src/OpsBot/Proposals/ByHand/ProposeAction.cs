using OpsBot.Chat;
using OpsBot.Data;

namespace OpsBot.Proposals.ByHand;

/// <summary>
/// The "Propose …" buttons on the creator card and the radar: <c>proposal.propose:&lt;kind&gt;:&lt;target&gt;</c>, the same
/// words as <c>/propose</c> (<c>proposal.propose:ban:anna</c>, <c>proposal.propose:refund:thr_000123</c>), proposed as the presser.
/// </summary>
public sealed class ProposeAction(ManualProposals proposals, ProposalReplies replies) : IChatAction
{
    public const string ActionName = "proposal.propose";

    public string Name => ActionName;

    /// <returns>The button id, or null when the target is too long for one (a thread id over 76 characters).</returns>
    public static string? IdFor(ProposalKind kind, string target)
    {
        var id = new ActionId(ActionName, $"{ManualKinds.WordOf(kind)}:{target}");
        return id.ToString().Length <= ActionId.MaxLength ? id.ToString() : null;
    }

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        var parts = context.Action.Argument.Split(':', 2);
        // A price needs a value no button carries; a forged or stale id is answered, not run.
        if (parts.Length != 2 || !ManualKinds.TryParse(parts[0], out var kind) || kind == ProposalKind.AdjustPrice || parts[1].Length == 0)
            return new ActionResult(Reply: replies.Say("Problem.UnknownButton"));
        return new ActionResult(Reply: await proposals.ProposeAsync(context.Actor, kind, parts[1], null, ct));
    }
}
