using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Metrics;

namespace OpsBot.Proposals.ByHand;

/// <summary>
/// A proposal a person asks for, by <c>/propose</c> or a button: reads the target (a thread id for a refund, a creator's
/// handle for everything else) and the price, proposes as that person (source Manual) and answers privately. Every
/// bad input is answered with what was wrong, and nothing is stored.
/// </summary>
public sealed class ManualProposals(ProposalBook book, CreatorLookup creators, ProposalReplies replies, IOptions<OpsBotOptions> options)
{
    public async Task<ChatMessage> ProposeAsync(ChatActor actor, ProposalKind kind, string target, string? value, CancellationToken ct)
    {
        PriceValue? price = null;
        if (kind == ProposalKind.AdjustPrice)
        {
            if (value is null) return replies.Say("Problem.PriceNeedsValue");
            if ((price = PriceValue.Parse(value, options.Value.Currency)) is null) return replies.Say("Problem.BadPrice", value, options.Value.Currency);
        }
        else if (value is not null) return replies.Refused(new ProposalRefusedException("Refused.ValueOnlyForAdjust"));

        var request = new ProposalRequest(kind, ProposalSource.Manual, ProposalReasons.Manual, AuditActor.Of(actor),
            NewPriceMinor: price?.PriceMinor, NewFastLaneFactor: price?.FastLaneFactor);
        if (kind == ProposalKind.Refund) request = request with { ThreadId = target };
        else if (await creators.FindAsync(target, ct) is { } creator) request = request with { CreatorId = creator.Id };
        else return await UnknownCreatorAsync(target, ct);

        try
        {
            return await replies.ProposedAsync(await book.ProposeAsync(request, ct), ct);
        }
        catch (ProposalRefusedException e)
        {
            return replies.Refused(e);
        }
    }

    private async Task<ChatMessage> UnknownCreatorAsync(string handle, CancellationToken ct)
    {
        var suggestions = await creators.SuggestHandlesAsync(handle, ct);
        return suggestions.Count == 0
            ? replies.Refused(new ProposalRefusedException("Refused.UnknownCreator", handle.TrimStart('@')))
            : replies.Say("Problem.UnknownCreator", handle.TrimStart('@'), string.Join(", ", suggestions));
    }
}
