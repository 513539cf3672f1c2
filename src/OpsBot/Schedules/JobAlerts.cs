using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Formatting;

namespace OpsBot.Schedules;

/// <summary>
/// Tells the alerts channel when a scheduled job failed or did not run, through the outbox: one alert per failed
/// or crashed (abandoned) occurrence, one per job for what a tick had to skip. Keys are per occurrence, so a repeated
/// tick raises nothing twice. <see cref="JobRecords"/> calls these in the transaction that records the outcome.
/// </summary>
public sealed class JobAlerts(Outbox outbox, OpsText text, OpsFormat format)
{
    private Texts T => text.Of(ScheduleText.Resources);

    public Task FailedAsync(RanOccurrence failed, CancellationToken ct) =>
        RaiseAsync($"job.failed:{ScheduledJobs.OccurrenceKey(failed.Job, failed.OccurrenceAt)}",
            T.Rich("Alert.Failed", JobName(failed.Job), format.TimeValue(failed.OccurrenceAt), failed.Error ?? "?"), ct);

    public Task AbandonedAsync(RanOccurrence crashed, CancellationToken ct) =>
        RaiseAsync($"job.abandoned:{ScheduledJobs.OccurrenceKey(crashed.Job, crashed.OccurrenceAt)}",
            T.Rich("Alert.Abandoned", JobName(crashed.Job), format.TimeValue(crashed.OccurrenceAt), crashed.Error ?? "?"), ct);

    /// <param name="skipped">The occurrences of one job recorded as skipped in one go.</param>
    /// <param name="caughtUp">The later occurrence claimed to run late instead, if any: said, or the team reads "the radar never came".</param>
    public Task SkippedAsync(string job, IReadOnlyCollection<DateTimeOffset> skipped, DateTimeOffset? caughtUp, CancellationToken ct)
    {
        var last = skipped.Max();
        var line = caughtUp is { } at
            ? T.Rich("Alert.SkippedCaughtUp", JobName(job), skipped.Count, format.TimeValue(last), format.TimeValue(at))
            : T.Rich("Alert.Skipped", JobName(job), skipped.Count, format.TimeValue(last));
        return RaiseAsync($"job.skipped:{ScheduledJobs.OccurrenceKey(job, last)}", line, ct);
    }

    private Task RaiseAsync(string key, RichText line, CancellationToken ct) =>
        outbox.EnqueueAsync(key, OutboxTarget.Channel(OpsChannel.Alerts), new ChatMessage(line.ToString(), new TextBlock(line)), ct);

    private string JobName(string job) => T.Find($"Job.{job}") ?? job;
}
