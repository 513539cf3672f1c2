using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Proposals.Decisions;

/// <summary>What a press found: the open proposal it may decide, or the private answer that ends it.</summary>
public sealed record Screened(Proposal? Open, ChatMessage? Answer);

/// <summary>
/// The rules every press on a proposal's Approve or Reject passes, on the server, in this order: only approvers decide
/// (anyone else is answered privately and recorded); the requester cannot approve their own proposal (recorded); a
/// proposal that is no longer open says what became of it; one past its expiry expires; one the live state made moot
/// is superseded. Only then may the press decide, and the decision itself is one conditional UPDATE (<see cref="ProposalClosing"/>).
/// </summary>
public sealed class ProposalPress(
    OpsDbContext db, Approvers approvers, ProposalCases cases, ProposalClosing closing, AuditLog audit, TimeProvider clock, OpsText text, OpsFormat format)
{
    private Texts T => text.Of(ProposalText.Resources);

    /// <summary>Approver, proposal, requester and status; changes nothing but the refusal's audit line.</summary>
    public async Task<Screened> ScreenAsync(ActionContext press, bool approving, CancellationToken ct)
    {
        var presser = AuditActor.Of(press.Actor);
        var proposal = long.TryParse(press.Action.Argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            : null;
        // Looked up first only so the refusal is filed under the proposal; the presser learns nothing about it.
        if (!await approvers.IsApproverAsync(press.Actor, ct))
            return await RefuseAsync(presser, proposal?.Number ?? press.Action.Argument, proposal, "not an approver", Say("Press.NotApprover"), ct);
        if (proposal is null) return new Screened(null, Say("Press.Unknown", press.Action.Argument));
        if (approving && proposal.RequestedBy == presser.Id)
            return await RefuseAsync(presser, proposal.Number, proposal, "requested it themselves", Say("Press.OwnProposal", proposal.Number), ct);
        return proposal.Status == ProposalStatus.Open ? new Screened(proposal, null) : new Screened(null, StateOf(proposal));
    }

    /// <summary>
    /// Closes <paramref name="open"/> when deciding makes no sense any more, and says so. Expiry comes first: past its
    /// time a proposal is dead whatever happened since, so the outcome does not depend on when the sweep last ran.
    /// </summary>
    /// <returns>The answer for the presser, or null when the proposal can be decided.</returns>
    public async Task<ChatMessage?> CloseIfStaleAsync(Proposal open, ChatActor presser, CancellationToken ct)
    {
        if (open.ExpiresAt <= clock.GetUtcNow())
            return await CloseAsync(open, Closing.Expiry(open.ExpiresAt), Say("Press.Expired", open.Number, format.TimeValue(open.ExpiresAt)), ct);
        var state = await cases.LoadAsync(open, ct);
        var moot = state is null ? "Moot.NoThread" : state.WhyMoot(open);
        if (moot is null) return null;
        return await CloseAsync(open, new Closing(ProposalStatus.Superseded, AuditActor.Of(presser), AuditActions.ProposalSuperseded, Note: T[moot]),
            Say("Press.Superseded", open.Number, T[moot]), ct);
    }

    public ChatMessage Say(string key, params object?[] args)
    {
        var line = T.Rich(key, args);
        return new ChatMessage(line.ToString(), new TextBlock(line));
    }

    /// <summary>
    /// Closes <paramref name="open"/> and answers <paramref name="done"/>; when another press closed it first, or it
    /// expired before the decision reached the store, says what became of it.
    /// </summary>
    public async Task<ChatMessage> CloseAsync(Proposal open, Closing how, ChatMessage done, CancellationToken ct) =>
        await closing.CloseAsync(open.Id, how, ct) is { } closed && closed.Status == how.Status
            ? done
            : StateOf(await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == open.Id, ct));

    /// <summary>What became of a proposal that is not open: by whom and when (an expiry names its time).</summary>
    private ChatMessage StateOf(Proposal p) =>
        Say($"Press.Was.{p.Status}", p.Number, p.DecidedByName ?? "OpsBot", format.TimeValue(p.DecidedAt ?? p.ExpiresAt), p.DecisionNote ?? "");

    private async Task<Screened> RefuseAsync(AuditActor presser, string subject, Proposal? proposal, string why, ChatMessage answer, CancellationToken ct)
    {
        await audit.AppendAsync(new AuditRecord(presser, AuditActions.ProposalRefused, subject, proposal?.Id, proposal?.CreatorId, proposal?.ThreadId, Why: why), ct);
        return new Screened(null, answer);
    }
}
