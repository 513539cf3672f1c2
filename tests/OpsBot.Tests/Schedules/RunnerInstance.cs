using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Data;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Schedules;

/// <summary>Every execution of the test jobs, across all instances, in order.</summary>
public sealed class JobLog
{
    public ConcurrentQueue<(string Job, DateTimeOffset Occurrence)> Runs { get; } = new();

    /// <summary>Makes a job throw instead of succeeding.</summary>
    public string? FailWith { get; set; }

    public IReadOnlyList<DateTimeOffset> Of(string job) => [.. Runs.Where(r => r.Job == job).Select(r => r.Occurrence)];
}

/// <summary>A test job that records each execution in the shared <see cref="JobLog"/>.</summary>
public sealed class LoggingJob(string name, JobLog log) : IScheduledJob
{
    public string Name => name;

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken ct)
    {
        await Task.Yield();
        if (log.FailWith is { } error) throw new InvalidOperationException(error);
        log.Runs.Enqueue((name, occurrence));
    }
}

/// <summary>
/// One OpsBot instance (the host's real services, not started) on a shared SQLite file, with a clock the test
/// moves and test jobs behind the named schedules; Coravel does not tick, the test calls <see cref="TickAsync"/>.
/// </summary>
public sealed class RunnerInstance : IAsyncDisposable
{
    private readonly ChatSlice slice;

    public RunnerInstance(TestDatabase database, FakeTimeProvider clock, JobLog log, string[] jobs,
        Action<ScheduleOptions>? schedules = null, string culture = "en", Action<IServiceCollection>? services = null)
    {
        slice = new ChatSlice(database.ConnectionString, clock.GetUtcNow(), culture, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            // The test jobs stand in for the real ones behind the same schedules.
            s.RemoveAll<IScheduledJob>();
            foreach (var job in jobs) s.AddScoped<IScheduledJob>(_ => new LoggingJob(job, log));
            if (schedules is not null) s.Configure(schedules);
            services?.Invoke(s);
        });
    }

    public ChatSlice Chat => slice;

    public Task<TickReport> TickAsync() => slice.Services.GetRequiredService<JobRunner>().TickAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => slice.DisposeAsync();

    public static async Task<List<JobRun>> RunsAsync(TestDatabase database, string job)
    {
        await using var db = database.NewContext();
        return await db.JobRuns.Where(r => r.Job == job).OrderBy(r => r.OccurrenceAt).ToListAsync();
    }

    /// <summary>A local wall-clock time in Europe/Berlin as an instant.</summary>
    public static DateTimeOffset Berlin(int year, int month, int day, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
