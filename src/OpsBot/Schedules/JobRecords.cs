using OpsBot.Data;

namespace OpsBot.Schedules;

/// <summary>
/// Writes what became of an occurrence and its alert in one transaction: a crash or a store error between the two
/// must neither leave a failure unreported nor report one that was not recorded. When the transaction fails, nothing
/// is kept and the runner meets the occurrence again (a skip on the next tick, a run once its lease expires).
/// </summary>
public sealed class JobRecords(OpsDbContext db, JobClaims claims, JobAlerts alerts)
{
    /// <summary>Marks failed, each with its alert, the runs no instance will finish (see <see cref="JobClaims.AbandonedForGoodAsync"/>).</summary>
    /// <returns>The runs this instance marked.</returns>
    public async Task<IReadOnlyList<RanOccurrence>> FailAbandonedAsync(
        IReadOnlyCollection<string> jobs, DateTimeOffset graceSince, DateTimeOffset lookbackSince, CancellationToken ct)
    {
        var failed = new List<RanOccurrence>();
        foreach (var run in await claims.AbandonedForGoodAsync(jobs, graceSince, lookbackSince, ct))
        {
            var marked = await db.InTransactionAsync(async ct =>
            {
                if (await claims.TryFailAbandonedAsync(run, ct) is not { } crashed) return null;
                await alerts.AbandonedAsync(crashed, ct);
                return crashed;
            }, ct);
            if (marked is not null) failed.Add(marked);
        }
        return failed;
    }

    /// <summary>
    /// Records a job's missed occurrences as skipped and claims the one to run late, if any, with one alert for the
    /// skipped ones that names the late run. Occurrences another instance recorded or claimed first are not this one's.
    /// </summary>
    public Task<(IReadOnlyList<DateTimeOffset> Skipped, bool Claimed)> SkipAndClaimAsync(
        string job, IReadOnlyList<DateTimeOffset> skip, DateTimeOffset? run, CancellationToken ct) =>
        db.InTransactionAsync(async ct =>
        {
            var skipped = new List<DateTimeOffset>();
            foreach (var occurrence in skip)
                if (await claims.TryRecordSkippedAsync(job, occurrence, ct)) skipped.Add(occurrence);
            var claimed = run is { } at && await claims.TryClaimAsync(job, at, ct);
            if (skipped.Count > 0) await alerts.SkippedAsync(job, skipped, claimed ? run : null, ct);
            return ((IReadOnlyList<DateTimeOffset>)skipped, claimed);
        }, ct);

    /// <summary>Records how this instance's run ended, with the alert when it failed.</summary>
    /// <returns>false when the run outlasted its lease and was taken over (see <see cref="JobClaims.FinishAsync"/>): nothing is written.</returns>
    public Task<bool> FinishAsync(RanOccurrence run, CancellationToken ct) =>
        db.InTransactionAsync(async ct =>
        {
            if (!await claims.FinishAsync(run.Job, run.OccurrenceAt, run.Outcome, run.Error, ct)) return false;
            if (run.Outcome == JobOutcome.Failed) await alerts.FailedAsync(run, ct);
            return true;
        }, ct);
}
