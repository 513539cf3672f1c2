using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Schedules;

/// <summary>An occurrence that will not run, recorded as skipped (and reported with it by <see cref="JobRecords"/>).</summary>
public sealed record SkippedOccurrence(string Job, DateTimeOffset OccurrenceAt);

/// <summary>An occurrence this instance ran, and how it ended.</summary>
public sealed record RanOccurrence(string Job, DateTimeOffset OccurrenceAt, JobOutcome Outcome, string? Error = null);

/// <summary>
/// What one tick did: the occurrences this instance ran, those it recorded as skipped, and the crashed runs it
/// marked failed because no instance will retry them.
/// </summary>
public sealed record TickReport(IReadOnlyList<RanOccurrence> Ran, IReadOnlyList<SkippedOccurrence> Skipped, IReadOnlyList<RanOccurrence> Abandoned);

/// <summary>
/// Runs the registered jobs' due occurrences, once across instances. Each tick looks at (last checked, now]
/// per job; after a start, "last checked" is the job's latest recorded occurrence, so what was missed while no
/// instance was up is caught up: only the most recent missed occurrence runs (late) if still inside the grace
/// window — a radar posted twice in a row helps nobody — and the others are recorded as skipped.
/// </summary>
public sealed class JobRunner(
    ScheduleCalendar calendar, IServiceScopeFactory scopes, TimeProvider clock, IOptions<ScheduleOptions> options, ILogger<JobRunner> log)
{
    /// <summary>An occurrence run this much after its time is late: a tick comes at most a minute after it.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);

    /// <summary>How far back a restart looks for missed occurrences, so a long outage is not replayed row by row.</summary>
    public static readonly TimeSpan MissedLookback = TimeSpan.FromDays(7);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, DateTimeOffset> checkedUntil = new(StringComparer.Ordinal);

    public async Task<TickReport> TickAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var ran = new List<RanOccurrence>();
            var skipped = new List<SkippedOccurrence>();
            var now = clock.GetUtcNow();
            var grace = options.Value.GraceWindow;
            var jobs = await RegisteredJobsAsync(ct);
            var abandoned = await InScopeAsync((JobRecords r, CancellationToken t) => r.FailAbandonedAsync(jobs, now - grace, now - MissedLookback, t), ct);
            foreach (var (job, occurrence) in await InScopeAsync((JobClaims c, CancellationToken t) => c.AbandonedAsync(jobs, now - grace, t), ct))
                if (await InScopeAsync((JobClaims c, CancellationToken t) => c.TryReclaimAsync(job, occurrence, t), ct))
                    ran.Add(await RunAsync(job, occurrence, now, ct));
            foreach (var job in jobs)
            {
                var from = checkedUntil.TryGetValue(job, out var last) ? last
                    : await InScopeAsync((JobClaims c, CancellationToken t) => c.LastOccurrenceAsync(job, t), ct) ?? now;
                var due = calendar.Occurrences(job, Max(from, now - MissedLookback), now).ToList();
                var run = due.Count > 0 && now - due[^1] <= grace ? due[^1] : (DateTimeOffset?)null;
                if (due.Count > 0)
                {
                    var (missed, claimed) = await InScopeAsync((JobRecords r, CancellationToken t) => r.SkipAndClaimAsync(job, [.. due.Where(o => o != run)], run, t), ct);
                    skipped.AddRange(missed.Select(o => new SkippedOccurrence(job, o)));
                    if (claimed) ran.Add(await RunAsync(job, run!.Value, now, ct));
                }
                // Only once the due occurrences are recorded: when the store fails, the next tick looks at them again
                // instead of losing them unreported.
                checkedUntil[job] = now;
            }
            foreach (var group in skipped.GroupBy(s => s.Job))
                log.LogWarning("Skipped {Count} occurrence(s) of {Job} (missed, last {Occurrence:O}): outside the grace window of {Grace} or superseded",
                    group.Count(), group.Key, group.Max(s => s.OccurrenceAt), grace);
            return new TickReport(ran, skipped, abandoned);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RanOccurrence> RunAsync(string job, DateTimeOffset occurrence, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<JobRecords>();
        var work = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == job);
        JobOutcome outcome;
        string? error = null;
        try
        {
            await work.RunAsync(occurrence, ct);
            outcome = now - occurrence > LateAfter ? JobOutcome.Late : JobOutcome.Succeeded;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Scheduled job {Job} for {Occurrence:O} failed", job, occurrence);
            (outcome, error) = (JobOutcome.Failed, e.Message);
        }
        // A job cancelled by shutdown never gets here: its row stays running and another instance retries it once its lease expires.
        var result = new RanOccurrence(job, occurrence, outcome, error);
        if (!await records.FinishAsync(result, CancellationToken.None))
            log.LogWarning("Scheduled job {Job} for {Occurrence:O} outlasted its lease and was taken over by another instance; its outcome is that instance's to record",
                job, occurrence);
        return result;
    }

    private async Task<IReadOnlyList<string>> RegisteredJobsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var names = scope.ServiceProvider.GetServices<IScheduledJob>().Select(j => j.Name).ToList();
        foreach (var name in names.Where(n => !calendar.Has(n)))
            throw new InvalidOperationException($"Scheduled job '{name}' has no schedule: add {ScheduleOptions.Section}:{name}.");
        return [.. calendar.Jobs.Where(names.Contains)];
    }

    private async Task<T> InScopeAsync<TService, T>(Func<TService, CancellationToken, Task<T>> use, CancellationToken ct) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>(), ct);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
