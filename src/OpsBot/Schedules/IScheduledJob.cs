namespace OpsBot.Schedules;

/// <summary>
/// The work behind one schedule. <see cref="Name"/> is its key under <c>Schedules</c> (e.g. <c>DailyRadar</c>).
/// A job runs once per occurrence across all instances; it must finish within <c>Schedules:Lease</c>, or another
/// instance takes the occurrence over (once).
/// </summary>
public interface IScheduledJob
{
    string Name { get; }

    /// <param name="occurrence">The instant the schedule named, not the time it runs (they differ for a late run).</param>
    Task RunAsync(DateTimeOffset occurrence, CancellationToken ct);
}

public static class ScheduledJobs
{
    /// <summary>Registers one job explicitly; the runner resolves it in its own scope for each run.</summary>
    public static IServiceCollection AddScheduledJob<T>(this IServiceCollection services) where T : class, IScheduledJob =>
        services.AddScoped<IScheduledJob, T>();

    /// <summary>
    /// The outbox key of what one occurrence posts (<c>DailyDigest:2026-11-24T08:00Z</c>): a job taken over after
    /// a crash enqueues the same key again, and the outbox keeps the first.
    /// </summary>
    public static string OccurrenceKey(string job, DateTimeOffset occurrence) =>
        $"{job}:{occurrence.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture)}";
}
