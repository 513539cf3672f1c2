using Microsoft.Extensions.Options;
using OpsBot.Chat.Playground;
using OpsBot.Chat.Slack;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// Sends what is due, then sleeps until an enqueue wakes it or the poll interval passes (enqueues on other
/// instances are seen at the next poll). Each round runs in a fresh DI scope.
/// </summary>
public sealed class OutboxWorker(OutboxSignal signal, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    IOptions<OutboxOptions> options, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After every start-up step, so the store is migrated before the first claim.
        await WhenStartedAsync(stoppingToken);
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            await using (var scope = scopes.CreateAsyncScope())
            {
                if (Choose(scope.ServiceProvider) is { } channel)
                    claimed = await RoundAsync(scope.ServiceProvider.GetRequiredService<OutboxSender>(), channel, stoppingToken);
                else if (!warned)
                {
                    // Nothing is lost: the messages wait in the outbox until a platform is configured.
                    log.LogWarning("Outbox: no chat platform to deliver to (set Slack:BotToken or enable the playground)");
                    warned = true;
                }
            }
            // A full batch means more may be due right now.
            if (claimed < OutboxSender.Batch) await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task<int> RoundAsync(OutboxSender sender, IOutboxChannel channel, CancellationToken stoppingToken)
    {
        try
        {
            return await sender.SendDueAsync(channel, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The store was busy or gone for a moment; the next round tries again.
            log.LogError(e, "Outbox round failed");
            return 0;
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>Slack when a bot token is set, else the playground when it is on, else nowhere yet.</summary>
    private static IOutboxChannel? Choose(IServiceProvider services)
    {
        if (!string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<SlackOptions>>().Value.BotToken))
            return services.GetRequiredService<SlackOutboxChannel>();
        if (services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled == true)
            return services.GetRequiredService<PlaygroundOutboxChannel>();
        return null;
    }
}
