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

    private RichText Next(string job, DateTimeOffset now)
    {
        // A cron expression may have fewer than three future dates (a 29 February), or none at all.
        var runs = calendar.Next(job, now, NextRuns);
        if (runs.Count == 0) return T.Rich("NextNone");
        var line = T.Rich("Next");
        for (var i = 0; i < runs.Count; i++)
            line = line.Append(RichText.Format(text.Culture, i == 0 ? "{0}" : ", {0}", format.TimeValue(runs[i])));
        return line;
    }

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
