using Microsoft.Extensions.Options;

namespace OpsBot.Chat.Slack;

/// <summary>Drains the <see cref="SlackWorkQueue"/>: each answer in a fresh DI scope, a few side by side.</summary>
public sealed class SlackWorker(SlackWorkQueue queue, IServiceScopeFactory scopes, IOptions<SlackInboundOptions> options, ILogger<SlackWorker> log)
    : BackgroundService
{
    /// <summary>Side by side, so one slow digest does not hold up a button press queued behind it.</summary>
    private const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = stoppingToken }, RunAsync);

    private async ValueTask RunAsync(SlackWork work, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Value.WorkTimeout);
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await work.RunAsync(scope.ServiceProvider, timeout.Token);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            // One answer failing (Slack down, a timeout) must not stop the others.
            log.LogError(e, "Slack answer for {Work} failed", work.What);
        }
    }
}
