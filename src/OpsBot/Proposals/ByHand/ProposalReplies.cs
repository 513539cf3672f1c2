using Microsoft.EntityFrameworkCore;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Proposals.ByHand;

/// <summary>The private answer to whoever proposed by hand: the proposal's number, or why nothing was proposed.</summary>
public sealed class ProposalReplies(OpsDbContext db, OpsFormat format, OpsText text)
{
    private Texts T => text.Of(ByHandText.Resources);
    private Texts P => text.Of(ProposalText.Resources);

    public async Task<ChatMessage> ProposedAsync(Proposed proposed, CancellationToken ct)
    {
        var p = proposed.Proposal;
        var handle = await db.Creators.Where(c => c.Id == p.CreatorId).Select(c => c.Handle).SingleOrDefaultAsync(ct) ?? p.CreatorId;
        var what = P.Format("Card.Header", p.Number, P[$"Kind.{p.Kind}"], handle);
        return Message(proposed.Created
            ? T.Rich("Reply.Proposed", what)
            : T.Rich("Reply.AlreadyOpen", what, p.RequestedByName, format.TimeValue(p.CreatedAt)));
    }

    /// <summary>The proposal book's reason (a ProposalText <c>Refused.*</c> or <c>Moot.*</c> text).</summary>
    public ChatMessage Refused(ProposalRefusedException e) => Message(T.Rich("Reply.Refused", P.Format(e.TextKey, e.Args)));

    /// <summary>A ByHandText line: a problem with what was asked (a bad price, an unknown flag), or a plain answer.</summary>
    public ChatMessage Say(string key, params object?[] args) => Message(T.Rich(key, args));

    public static ChatMessage Message(RichText text) => new(text.ToString(), new TextBlock(text));
}
