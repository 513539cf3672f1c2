using OpsBot.Schedules;

namespace OpsBot.Alerts;

/// <summary>
/// Every quarter hour (<c>Schedules:AlertSweep</c>): reads the alert conditions as of now and keeps one alert per
/// subject in the alerts channel — raised once, updated in place while its figures change, closed with an all clear
/// after the hysteresis of <see cref="AlertSweepOptions"/>. Read-only and automatic: it changes nothing on the platform.
/// </summary>
public sealed class AlertSweepJob(AlertReadings readings, AlertEpisodes episodes, TimeProvider clock) : IScheduledJob
{
    public string Name => "AlertSweep";

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken ct)
    {
        var open = await episodes.OpenAsync(ct);
        var bySubject = open.ToDictionary(a => a.Subject, StringComparer.Ordinal);
        // As of now rather than the occurrence, like the radar: an alert is about what is burning now.
        foreach (var reading in await readings.ReadAsync(clock.GetUtcNow(), open, ct))
        {
            if (bySubject.TryGetValue(reading.Subject, out var alert)) await episodes.FollowAsync(alert, reading, occurrence, ct);
            else if (reading.Level == AlertLevel.Holds) await episodes.RaiseAsync(reading, occurrence, ct);
        }
    }
}
