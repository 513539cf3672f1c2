using Microsoft.Extensions.Options;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// Runs due executions, then sleeps until an approval wakes it (<see cref="ExecutionSignal"/>) or the poll interval
/// passes. Starts after the host has started, so the store is migrated; each round runs in a fresh DI scope.
/// </summary>
public sealed class ExecutionWorker(ExecutionSignal signal, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    IOptions<ExecutionOptions> options, ILogger<ExecutionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            await using (var scope = scopes.CreateAsyncScope())
            {
                try
                {
                    claimed = await scope.ServiceProvider.GetRequiredService<ExecutionRunner>().RunDueAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The store was busy or gone for a moment; claimed rows come back when their lease runs out.
                    log.LogError(e, "Execution round failed");
                }
            }
            // A full batch means more may be due right now.
            if (claimed < ExecutionRunner.Batch) await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
