using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Schedules.RunnerInstance;

namespace OpsBot.Tests.Schedules;

public sealed class ScheduleTickTests
{
    [Fact]
    public async Task CoravelPulse_InTheRunningHost_RunsTheDueOccurrenceOnce()
    {
        var log = new JobLog();
        await using var host = await TestHost.StartAsync(now: Berlin(2026, 11, 23, 8, 59),
            services: s => s.RemoveAll<IScheduledJob>().AddScoped<IScheduledJob>(_ => new LoggingJob("DailyDigest", log)), pulse: true);
        var tick = host.Services.GetRequiredService<ScheduleTick>();

        await tick.Invoke();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await tick.Invoke();
        await tick.Invoke();

        // Coravel may pulse on its own meanwhile: the same runner, so still once.
        Assert.Equal([Berlin(2026, 11, 23, 9)], log.Of("DailyDigest"));
    }
}
