using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Schedules;

/// <summary>A run left running by an instance that stopped, as found in the store.</summary>
public sealed record AbandonedRun(long Id, string Job, DateTimeOffset OccurrenceAt, string Owner);

/// <summary>This process among the instances sharing one store: the owner written on its claims.</summary>
public sealed record ScheduleInstance(string Id)
{
    /// <summary>Machine and process for the reader, a GUID so two hosts in one process differ too.</summary>
    public static ScheduleInstance New() => new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");
}

/// <summary>
/// Claims occurrences in the store so that each runs once across instances: the unique occurrence key
/// (job, occurrence) lets exactly one insert win, and a conditional update takes over a run whose owner's
/// lease expired (a crash) — once, never a second time.
/// </summary>
public sealed class JobClaims(OpsDbContext db, TimeProvider clock, ScheduleInstance instance, IOptions<ScheduleOptions> options)
{
    /// <summary>Claims a fresh occurrence for this instance; false if any instance already holds or finished it.</summary>
    public Task<bool> TryClaimAsync(string job, DateTimeOffset occurrence, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return TryInsertAsync(new JobRun
        {
            Job = job, OccurrenceAt = occurrence, Owner = instance.Id, Attempt = 1,
            StartedAt = now, LeaseUntil = now + options.Value.Lease, Outcome = JobOutcome.Running,
        }, ct);
    }

    /// <summary>Records an occurrence that will not run; false if it was claimed meanwhile.</summary>
    public Task<bool> TryRecordSkippedAsync(string job, DateTimeOffset occurrence, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return TryInsertAsync(new JobRun
        {
            Job = job, OccurrenceAt = occurrence, Owner = instance.Id, Attempt = 0,
            StartedAt = now, FinishedAt = now, LeaseUntil = now, Outcome = JobOutcome.Skipped,
        }, ct);
    }

    /// <summary>Takes over a first attempt still marked running after its lease expired; false if it is not abandoned or another instance took it.</summary>
    public async Task<bool> TryReclaimAsync(string job, DateTimeOffset occurrence, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var taken = await db.JobRuns
            .Where(r => r.Job == job && r.OccurrenceAt == occurrence && r.Outcome == JobOutcome.Running && r.LeaseUntil < now && r.Attempt == 1)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Owner, instance.Id)
                .SetProperty(r => r.Attempt, 2)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.LeaseUntil, now + options.Value.Lease), ct);
        return taken == 1;
    }

    /// <summary>Abandoned first attempts (running, lease expired) of the given jobs with occurrences after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<(string Job, DateTimeOffset OccurrenceAt)>> AbandonedAsync(IReadOnlyCollection<string> jobs, DateTimeOffset since, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.JobRuns.AsNoTracking()
            .Where(r => jobs.Contains(r.Job) && r.Outcome == JobOutcome.Running && r.LeaseUntil < now && r.Attempt == 1 && r.OccurrenceAt > since)
            .Select(r => new { r.Job, r.OccurrenceAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Job, r.OccurrenceAt))];
    }

    /// <summary>
    /// The runs no instance will ever finish: still running after their lease expired, and either taken over once
    /// already or first attempts older than <paramref name="graceSince"/> (too late to retry). Occurrences before
    /// <paramref name="lookbackSince"/> are left alone, so an old store does not raise a flood.
    /// </summary>
    public async Task<IReadOnlyList<AbandonedRun>> AbandonedForGoodAsync(
        IReadOnlyCollection<string> jobs, DateTimeOffset graceSince, DateTimeOffset lookbackSince, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.JobRuns.AsNoTracking()
            .Where(r => jobs.Contains(r.Job) && r.Outcome == JobOutcome.Running && r.LeaseUntil < now && r.OccurrenceAt > lookbackSince
                && (r.Attempt > 1 || r.OccurrenceAt <= graceSince))
            .Select(r => new { r.Id, r.Job, r.OccurrenceAt, r.Owner })
            .ToListAsync(ct);
        return [.. rows.Select(r => new AbandonedRun(r.Id, r.Job, r.OccurrenceAt, r.Owner))];
    }

    /// <summary>Marks an abandoned run failed ("abandoned by &lt;owner&gt;") by one conditional update, so of several instances only one does.</summary>
    /// <returns>The run as failed, or null when another instance marked it (or its owner came back) first.</returns>
    public async Task<RanOccurrence?> TryFailAbandonedAsync(AbandonedRun run, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var error = $"abandoned by {run.Owner}";
        var marked = await db.JobRuns
            .Where(r => r.Id == run.Id && r.Outcome == JobOutcome.Running && r.Owner == run.Owner && r.LeaseUntil < now)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Outcome, JobOutcome.Failed)
                .SetProperty(r => r.Error, error[..Math.Min(error.Length, JobRun.ErrorLength)])
                .SetProperty(r => r.FinishedAt, now), ct);
        return marked == 1 ? new RanOccurrence(run.Job, run.OccurrenceAt, JobOutcome.Failed, error) : null;
    }

    /// <summary>Records how this instance's claimed run ended.</summary>
    /// <returns>
    /// false when the run outlasted its lease and another instance took it over: that instance's row is left alone
    /// (it reports its own outcome), and this one's tick goes on.
    /// </returns>
    public async Task<bool> FinishAsync(string job, DateTimeOffset occurrence, JobOutcome outcome, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ours = db.JobRuns.Where(r => r.Job == job && r.OccurrenceAt == occurrence && r.Owner == instance.Id);
        var startedAt = await ours.Select(r => (DateTimeOffset?)r.StartedAt).SingleOrDefaultAsync(ct);
        if (startedAt is null) return false;
        var cut = error is null ? null : error[..Math.Min(error.Length, JobRun.ErrorLength)];
        var durationMs = (long)(now - startedAt.Value).TotalMilliseconds;
        // Conditional on the owner, so a takeover between the read and the write is not overwritten either.
        return await ours.ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Outcome, outcome)
            .SetProperty(r => r.Error, cut)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.DurationMs, durationMs), ct) == 1;
    }

    /// <summary>The latest occurrence recorded for a job, whatever became of it: where catching up starts after a restart.</summary>
    public async Task<DateTimeOffset?> LastOccurrenceAsync(string job, CancellationToken ct) =>
        await db.JobRuns.Where(r => r.Job == job).MaxAsync(r => (DateTimeOffset?)r.OccurrenceAt, ct);

    /// <summary>The most recent occurrence of a job that ran or was skipped, for <c>/ops schedule</c>.</summary>
    public Task<JobRun?> LastRunAsync(string job, CancellationToken ct) =>
        db.JobRuns.AsNoTracking().Where(r => r.Job == job).OrderByDescending(r => r.OccurrenceAt).FirstOrDefaultAsync(ct);

    private async Task<bool> TryInsertAsync(JobRun run, CancellationToken ct)
    {
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Only a lost race is an answer; any other failure (store down, timeout) is the caller's problem.
            if (await db.JobRuns.AnyAsync(r => r.Job == run.Job && r.OccurrenceAt == run.OccurrenceAt, ct)) return false;
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
