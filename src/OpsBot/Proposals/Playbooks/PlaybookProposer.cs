using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// Turns what a playbook found into proposals, once. A case is left alone while it has an open proposal or a decision
/// that still stands: a human's Approve or Reject (or OpsBot's Superseded) is the answer to that case, and only an
/// expired proposal, one nobody decided, frees the case for the next sweep. Each playbook says from when on a decision
/// answers what it found: a thread's refund from the moment the question arose (its deadline, the platform's review),
/// a creator's case for <see cref="PlaybookOptions.Window"/>, after which the evidence is new.
/// </summary>
public sealed class PlaybookProposer(OpsDbContext db, ProposalBook book, ILogger<PlaybookProposer> log)
{
    /// <param name="decisionsSince">Decisions before this no longer hold, for every case found.</param>
    /// <returns>How many proposals were made.</returns>
    public Task<int> ProposeAsync(string playbook, IReadOnlyList<ProposalRequest> found, DateTimeOffset decisionsSince, CancellationToken ct) =>
        ProposeAsync(playbook, found, _ => decisionsSince, ct);

    /// <param name="decisionsSince">Per case found: decisions before this do not answer it.</param>
    /// <returns>How many proposals were made.</returns>
    public async Task<int> ProposeAsync(string playbook, IReadOnlyList<ProposalRequest> found, Func<ProposalRequest, DateTimeOffset> decisionsSince,
        CancellationToken ct)
    {
        if (found.Count == 0) return 0;
        var settled = await SettledAsync(found.DistinctBy(KeyOf).ToDictionary(KeyOf, decisionsSince, StringComparer.Ordinal), ct);
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

    /// <summary>The cases among <paramref name="since"/>'s keys with an open proposal or a standing decision.</summary>
    private async Task<HashSet<string>> SettledAsync(Dictionary<string, DateTimeOffset> since, CancellationToken ct)
    {
        var keys = since.Keys.ToList();
        var history = await db.Proposals.AsNoTracking()
            .Where(p => keys.Contains(p.CaseKey) && p.Status != ProposalStatus.Expired)
            .Select(p => new { p.CaseKey, p.Status, p.CreatedAt, p.DecidedAt })
            .ToListAsync(ct);
        return history
            .Where(p => p.Status == ProposalStatus.Open || (p.DecidedAt ?? p.CreatedAt) >= since[p.CaseKey])
            .Select(p => p.CaseKey)
            .ToHashSet(StringComparer.Ordinal);
    }
}
