using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// A fan's flag on an answer → an audit card in the approvals channel, once per flag. The card's outbox key
/// (<see cref="FlagCard.Key"/>) is the memory: a flag whose key is stored was carded, so a retried or concurrent sweep
/// posts nothing twice. Flags older than <see cref="PlaybookOptions.Lookback"/> when first seen are history, not news.
/// </summary>
public sealed class FlagCardStep(OpsDbContext db, FlagCard cards, Outbox outbox, IOptions<PlaybookOptions> options) : IProposalSweepStep
{
    public string Name => "FlagCards";

    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var since = now - options.Value.Lookback;
        var flagged = await cards.Flagged(f => f.At >= since && f.At <= now).ToListAsync(ct);
        if (flagged.Count == 0) return;
        var keys = flagged.Select(f => FlagCard.Key(f.Flag.Id)).ToList();
        var carded = (await db.OutboxMessages.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var f in flagged.Where(f => !carded.Contains(FlagCard.Key(f.Flag.Id))).OrderBy(f => f.Flag.At).ThenBy(f => f.Flag.Id))
            await outbox.EnqueueAsync(FlagCard.Key(f.Flag.Id), OutboxTarget.Channel(OpsChannel.Approvals), await cards.RenderAsync(f, now, null, ct), ct);
    }
}
