using Coravel;
using Coravel.Invocable;

namespace OpsBot.Schedules;

/// <summary>
/// Coravel's pulse, nothing more: every 30 seconds it asks <see cref="JobRunner"/> what is due. Which
/// occurrences are due is decided there, on the injected clock, so it can be tested without Coravel.
/// </summary>
internal sealed class ScheduleTick(JobRunner runner, IHostApplicationLifetime lifetime, ILogger<ScheduleTick> log) : IInvocable
{
    public async Task Invoke()
    {
        try
        {
            await runner.TickAsync(lifetime.ApplicationStopping);
        }
        catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The store may be briefly unreachable; the next tick catches up, so log and carry on.
            log.LogError(e, "Schedule tick failed");
        }
    }
}

/// <summary>Hands the pulse to Coravel once the host starts (Coravel's own hosted service then drives it).</summary>
internal sealed class ScheduleStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        services.UseScheduler(s => s.Schedule<ScheduleTick>().EveryThirtySeconds().PreventOverlapping(nameof(ScheduleTick)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
