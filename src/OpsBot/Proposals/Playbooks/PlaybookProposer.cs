using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// Turns what a playbook found into proposals, once. A case is left alone while it has an open proposal or a decision
/// that still stands: a human's Approve or Reject (or OpsBot's Superseded) is the answer to that case, and only an
/// expired proposal, one nobody decided, frees the case for the next sweep. A thread's refund is decided for good;
/// a creator's case for <see cref="PlaybookOptions.Window"/>, after which the evidence is new.
/// </summary>
public sealed class PlaybookProposer(OpsDbContext db, ProposalBook book, ILogger<PlaybookProposer> log)
{
    /// <param name="decisionsSince">Decisions before this no longer hold; null when they hold for good.</param>
    /// <returns>How many proposals were made.</returns>
    public async Task<int> ProposeAsync(string playbook, IReadOnlyList<ProposalRequest> found, DateTimeOffset? decisionsSince, CancellationToken ct)
    {
        if (found.Count == 0) return 0;
        var settled = await SettledAsync([.. found.Select(KeyOf).Distinct()], decisionsSince, ct);
        var made = 0;
        foreach (var request in found.Where(r => !settled.Contains(KeyOf(r))))
        {
            try
            {
                if ((await book.ProposeAsync(request, ct)).Created) made++;
            }
            catch (ProposalRefusedException e)
            {
                // The live state moved since the playbook looked (answered, refunded, blocked): nothing to propose.
                log.LogDebug("{Playbook}: {Case} not proposed: {Why}", playbook, KeyOf(request), e.TextKey);
            }
        }
        if (made > 0) log.LogInformation("{Playbook} proposed {Count} cases", playbook, made);
        return made;
    }

    public static string KeyOf(ProposalRequest r) => ProposalCases.KeyOf(r.Kind, r.CreatorId ?? "", r.ThreadId);

    /// <summary>The cases among <paramref name="keys"/> with an open proposal or a standing decision.</summary>
    private async Task<HashSet<string>> SettledAsync(List<string> keys, DateTimeOffset? decisionsSince, CancellationToken ct)
    {
        var history = await db.Proposals.AsNoTracking()
            .Where(p => keys.Contains(p.CaseKey) && p.Status != ProposalStatus.Expired)
            .Select(p => new { p.CaseKey, p.Status, p.CreatedAt, p.DecidedAt })
            .ToListAsync(ct);
        return history
            .Where(p => p.Status == ProposalStatus.Open || decisionsSince is not { } since || (p.DecidedAt ?? p.CreatedAt) >= since)
            .Select(p => p.CaseKey)
            .ToHashSet(StringComparer.Ordinal);
    }
}
