using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// Repeated misses: a creator who missed <see cref="PlaybookOptions.RepeatedMisses"/> deadlines in
/// <see cref="PlaybookOptions.Window"/> is flagged (once per window, <see cref="CreatorFlags"/>) and, while the fast lane
/// is on, proposed for a fast-lane block listing the misses. A miss is a thread still open at its deadline (metrics.md §3
/// as of the deadline): answered late or not at all, and not refunded before.
/// </summary>
public sealed class RepeatedMissesStep(
    OpsDbContext db, PlaybookProposer proposer, CreatorFlags flags, IOptions<PlaybookOptions> options, OpsFormat format, OpsText text, ILogger<RepeatedMissesStep> log)
    : IProposalSweepStep
{
    /// <summary>Misses named in the evidence and the flag; the rest are counted.</summary>
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
            select new Miss(t.CreatorId, c.Handle, c.FastLaneEnabled, t.Id, t.DeadlineAt)).ToListAsync(ct);
        var repeated = misses
            .GroupBy(m => m.CreatorId)
            .Where(g => g.Count() >= settings.RepeatedMisses)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(m => m.DeadlineAt).ThenBy(m => m.ThreadId, StringComparer.Ordinal).ToList())
            .ToList();

        // The flag is the team's record that the creator is repeatedly late, whether or not a fast lane is left to block.
        foreach (var creator in repeated)
            if (await flags.FlagAsync(creator[0].CreatorId, creator[0].Handle, FlagWhy(creator, settings.Window), now - settings.Window, ct))
                log.LogInformation("{Playbook} flagged creator {Creator}", Name, creator[0].CreatorId);

        var found = repeated
            .Where(creator => creator[0].FastLaneEnabled)
            .Select(creator => new ProposalRequest(ProposalKind.BlockFastLane, ProposalSource.RepeatedMisses, ProposalReasons.RepeatedMisses,
                AuditActor.OpsBot, CreatorId: creator[0].CreatorId, Evidence: Evidence(creator, settings.Window)))
            .ToList();
        await proposer.ProposeAsync(Name, found, decisionsSince: now - settings.Window, ct);
    }

    private string Evidence(List<Miss> misses, TimeSpan window)
    {
        var listed = misses.Take(MissesListed).Select(m => T.Format("Evidence.Miss", m.ThreadId, format.Time(m.DeadlineAt)));
        var more = misses.Count > MissesListed ? " " + T.Format("Evidence.More", misses.Count - MissesListed) : "";
        return T.Format("Evidence.RepeatedMisses", misses.Count, window.TotalDays, string.Join(", ", listed) + more);
    }

    /// <summary>Invariant English, like the rest of the audit log: <c>4 SLA misses in 30 days: t01, t02, t03, t04</c>.</summary>
    private static string FlagWhy(List<Miss> misses, TimeSpan window)
    {
        var listed = string.Join(", ", misses.Take(MissesListed).Select(m => m.ThreadId));
        var more = misses.Count > MissesListed ? $" and {misses.Count - MissesListed} more" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{misses.Count} SLA misses in {window.TotalDays:0.##} days: {listed}{more}");
    }

    private sealed record Miss(string CreatorId, string Handle, bool FastLaneEnabled, string ThreadId, DateTimeOffset DeadlineAt);
}
