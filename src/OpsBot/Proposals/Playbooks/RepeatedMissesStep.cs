using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// Repeated misses: a creator whose fast lane is on and who missed <see cref="PlaybookOptions.RepeatedMisses"/> deadlines
/// in <see cref="PlaybookOptions.Window"/> → a proposal to block the fast lane, listing the misses. A miss is a thread
/// still open at its deadline (metrics.md §3 as of the deadline): answered late or not at all, and not refunded before.
/// </summary>
public sealed class RepeatedMissesStep(OpsDbContext db, PlaybookProposer proposer, IOptions<PlaybookOptions> options, OpsFormat format, OpsText text)
    : IProposalSweepStep
{
    /// <summary>Misses named in the evidence; the rest are counted.</summary>
    public const int MissesListed = 10;

    public string Name => "RepeatedMisses";

    private Texts T => text.Of(PlaybookText.Resources);

    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var window = Period.Before(now, settings.Window);
        var misses = await (
            from t in db.Threads.DueIn(window)
            where t.ClosedAt == null || t.ClosedAt > t.DeadlineAt
            join c in db.Creators on t.CreatorId equals c.Id
            where c.FastLaneEnabled
            select new { t.CreatorId, t.Id, t.DeadlineAt }).ToListAsync(ct);
        var found = misses
            .GroupBy(m => m.CreatorId)
            .Where(g => g.Count() >= settings.RepeatedMisses)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var listed = g.OrderBy(m => m.DeadlineAt).Take(MissesListed).Select(m => T.Format("Evidence.Miss", m.Id, format.Time(m.DeadlineAt)));
                var more = g.Count() > MissesListed ? " " + T.Format("Evidence.More", g.Count() - MissesListed) : "";
                var evidence = T.Format("Evidence.RepeatedMisses", g.Count(), settings.Window.TotalDays, string.Join(", ", listed) + more);
                return new ProposalRequest(ProposalKind.BlockFastLane, ProposalSource.RepeatedMisses, ProposalReasons.RepeatedMisses,
                    AuditActor.OpsBot, CreatorId: g.Key, Evidence: evidence);
            })
            .ToList();
        await proposer.ProposeAsync(Name, found, decisionsSince: now - settings.Window, ct);
    }
}
