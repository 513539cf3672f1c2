using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Proposals.Decisions;

/// <summary>
/// Sweep step: closes every open proposal whose time ran out (<c>Proposals:ExpireAfter</c> after it was made), one
/// conditional UPDATE each, with its audit line and the card updated in place. The case is free again, so the next
/// playbook run (or a person) can propose it anew.
/// </summary>
public sealed class ProposalExpiry(OpsDbContext db, ProposalClosing closing) : IProposalSweepStep
{
    public string Name => "Expiry";

    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Proposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Open && p.ExpiresAt <= now)
            .OrderBy(p => p.ExpiresAt)
            .Select(p => new { p.Id, p.ExpiresAt })
            .ToListAsync(ct);
        // A press that decided or expired one meanwhile wins; its row is then simply not open any more.
        foreach (var p in due)
            await closing.CloseAsync(p.Id, Closing.Expiry(p.ExpiresAt), ct);
    }
}
