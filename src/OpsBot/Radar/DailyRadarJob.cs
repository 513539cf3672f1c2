using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Metrics;
using OpsBot.Schedules;

namespace OpsBot.Radar;

/// <summary>
/// The morning radar in the daily channel. It shows the threads open when it runs, not at the scheduled
/// minute: a late run should show what is burning now.
/// </summary>
public sealed class DailyRadarJob(RadarQuery radar, RadarMessage messages, Outbox outbox, TimeProvider clock) : IScheduledJob
{
    public string Name => "DailyRadar";

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken ct)
    {
        var request = new RadarRequest(clock.GetUtcNow());
        var result = await radar.RunAsync(request, ct)
            ?? throw new InvalidOperationException("The radar of all creators cannot be of an unknown creator.");
        await outbox.EnqueueAsync(ScheduledJobs.OccurrenceKey(Name, occurrence), OutboxTarget.Channel(OpsChannel.Daily),
            messages.Build(result, request, attachCsv: false), ct);
    }
}
