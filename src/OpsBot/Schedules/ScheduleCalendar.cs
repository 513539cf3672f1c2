using Cronos;
using Microsoft.Extensions.Options;

namespace OpsBot.Schedules;

/// <summary>
/// Each job's occurrences as UTC instants, from its cron expression read in the ops time zone. Cronos handles
/// daylight saving: a time the spring-forward skips runs once at the shifted time, a time the fall-back repeats
/// runs once, and a 09:00 job stays at 09:00 local on both days.
/// </summary>
public sealed class ScheduleCalendar
{
    private readonly Dictionary<string, (string Text, CronExpression Cron)> jobs;

    public ScheduleCalendar(IOptions<ScheduleOptions> options, IOptions<OpsBotOptions> ops)
    {
        Zone = ops.Value.Zone;
        Jobs = [.. options.Value.Jobs.Select(j => j.Job)];
        jobs = options.Value.Jobs.ToDictionary(j => j.Job, j => (j.Cron, CronExpression.Parse(j.Cron)), StringComparer.Ordinal);
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The configured jobs in configuration order.</summary>
    public IReadOnlyList<string> Jobs { get; }

    public bool Has(string job) => jobs.ContainsKey(job);

    public string CronOf(string job) => Entry(job).Text;

    /// <summary>Occurrences in (<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(string job, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? [] : Entry(job).Cron.GetOccurrences(from, to, Zone, fromInclusive: false, toInclusive: true);

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="after"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Next(string job, DateTimeOffset after, int count)
    {
        var cron = Entry(job).Cron;
        var next = new List<DateTimeOffset>(count);
        for (var at = cron.GetNextOccurrence(after, Zone); at is { } t && next.Count < count; at = cron.GetNextOccurrence(t, Zone))
            next.Add(t);
        return next;
    }

    private (string Text, CronExpression Cron) Entry(string job) =>
        jobs.TryGetValue(job, out var entry) ? entry : throw new ArgumentException($"No schedule named '{job}' under {ScheduleOptions.Section}.", nameof(job));
}
