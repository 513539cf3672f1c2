using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Schedules;

namespace OpsBot.Digest;

/// <summary>
/// Yesterday's digest in the daily channel, computed as of the scheduled minute: the same occurrence always
/// describes the same day, however late it runs.
/// </summary>
public sealed class DailyDigestJob(DigestMessages digests, Outbox outbox) : IScheduledJob
{
    public string Name => "DailyDigest";

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken ct) =>
        await outbox.EnqueueAsync(ScheduledJobs.OccurrenceKey(Name, occurrence), OutboxTarget.Channel(OpsChannel.Daily),
            await digests.DailyAsync(occurrence, ct), ct);
}

/// <summary>The last 7 days against the 7 before, with charts, in the weekly channel.</summary>
public sealed class WeeklyDigestJob(DigestMessages digests, Outbox outbox) : IScheduledJob
{
    public string Name => "WeeklyDigest";

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken ct) =>
        await outbox.EnqueueAsync(ScheduledJobs.OccurrenceKey(Name, occurrence), OutboxTarget.Channel(OpsChannel.Weekly),
            await digests.WeeklyAsync(occurrence, ct), ct);
}
