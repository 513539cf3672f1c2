using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Ops;

namespace OpsBot.Schedules;

/// <summary><c>/ops schedule</c>: each job's cron, its next runs in the ops time zone and what became of its last occurrence — why something did or did not run.</summary>
public sealed class ScheduleTopic(
    ScheduleCalendar calendar, JobClaims claims, IEnumerable<IScheduledJob> jobs, TimeProvider clock, OpsFormat format, OpsText text) : IOpsTopic
{
    public const int NextRuns = 3;

    public string Name => "schedule";

    private Texts T => text.Of(ScheduleText.Resources);

    public async Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var header = T["Header"];
        var blocks = new List<MessageBlock> { new HeaderBlock(header) };
        var registered = jobs.Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var job in calendar.Jobs)
        {
            var entry = T.Rich("Job", T["Job." + job], calendar.CronOf(job));
            entry = entry.Append(RichText.Plain("\n")).Append(registered.Contains(job) ? Next(job, now) : T.Rich("NotBuilt"));
            entry = entry.Append(RichText.Plain("\n")).Append(Last(await claims.LastRunAsync(job, ct)));
            blocks.Add(new TextBlock(entry));
        }
        blocks.Add(new ContextBlock(T.Rich("Zone", calendar.Zone.Id)));
        return new ChatMessage(header, [.. blocks], []);
    }

    private RichText Next(string job, DateTimeOffset now) =>
        T.Rich("Next", [.. calendar.Next(job, now, NextRuns).Select(format.TimeValue).Cast<object?>()]);

    private RichText Last(JobRun? run)
    {
        if (run is null) return T.Rich("Never");
        var outcome = T["Outcome." + run.Outcome];
        var last = run.DurationMs is { } ms
            ? T.Rich("Last", format.TimeValue(run.OccurrenceAt), format.TimeValue(run.StartedAt), format.Duration(TimeSpan.FromMilliseconds(ms)), outcome)
            : T.Rich("LastUnfinished", format.TimeValue(run.OccurrenceAt), format.TimeValue(run.StartedAt), outcome);
        return run.Error is { } error ? last.Append(RichText.Plain("\n")).Append(T.Rich("Error", error)) : last;
    }
}
