using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Schedules;

/// <summary>
/// Tells the alerts channel when a scheduled job failed or did not run, through the outbox: one alert per failed
/// or crashed (abandoned) occurrence, one per job for what a tick had to skip. Keys are per occurrence, so a repeated tick raises nothing twice.
/// </summary>
public sealed class JobAlerts(Outbox outbox, OpsText text, OpsFormat format)
{
    private Texts T => text.Of(ScheduleText.Resources);

    public async Task RaiseAsync(TickReport report, CancellationToken ct)
    {
        foreach (var failed in report.Ran.Where(r => r.Outcome == JobOutcome.Failed))
        {
            var line = T.Rich("Alert.Failed", JobName(failed.Job), format.TimeValue(failed.OccurrenceAt), failed.Error ?? "?");
            await outbox.EnqueueAsync($"job.failed:{ScheduledJobs.OccurrenceKey(failed.Job, failed.OccurrenceAt)}", OutboxTarget.Channel(OpsChannel.Alerts),
                new ChatMessage(line.ToString(), new TextBlock(line)), ct);
        }
        foreach (var crashed in report.Abandoned)
        {
            var line = T.Rich("Alert.Abandoned", JobName(crashed.Job), format.TimeValue(crashed.OccurrenceAt), crashed.Error ?? "?");
            await outbox.EnqueueAsync($"job.abandoned:{ScheduledJobs.OccurrenceKey(crashed.Job, crashed.OccurrenceAt)}", OutboxTarget.Channel(OpsChannel.Alerts),
                new ChatMessage(line.ToString(), new TextBlock(line)), ct);
        }
        foreach (var group in report.Skipped.GroupBy(s => s.Job))
        {
            var last = group.Max(s => s.OccurrenceAt);
            // Superseded by a later occurrence that did run (late): say so, or the team reads "the radar never came".
            var caughtUp = report.Ran.FirstOrDefault(r => r.Job == group.Key && r.Outcome == JobOutcome.Late && r.OccurrenceAt > last);
            var line = caughtUp is null
                ? T.Rich("Alert.Skipped", JobName(group.Key), group.Count(), format.TimeValue(last))
                : T.Rich("Alert.SkippedCaughtUp", JobName(group.Key), group.Count(), format.TimeValue(last), format.TimeValue(caughtUp.OccurrenceAt));
            await outbox.EnqueueAsync($"job.skipped:{ScheduledJobs.OccurrenceKey(group.Key, last)}", OutboxTarget.Channel(OpsChannel.Alerts),
                new ChatMessage(line.ToString(), new TextBlock(line)), ct);
        }
    }

    private string JobName(string job) => T.Find($"Job.{job}") ?? job;
}
