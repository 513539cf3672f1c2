using Microsoft.Extensions.Options;
using OpsBot.Data;

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
                var routes = Routes(scope.ServiceProvider);
                if (routes.Any) claimed = await RoundAsync(scope.ServiceProvider.GetRequiredService<OutboxSender>(), routes, stoppingToken);
                if (routes.Chat is null && !warned)
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

    private async Task<int> RoundAsync(OutboxSender sender, OutboxRoutes routes, CancellationToken stoppingToken)
    {
        try
        {
            return await sender.SendDueAsync(routes, stoppingToken);
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

    /// <summary>
    /// The active chat platform's channel (<see cref="ActiveChatPlatform"/>), and the email channel when a feature
    /// registered one (keyed by <see cref="OutboxTargetKind.CreatorEmail"/>) and it is ready on this instance.
    /// </summary>
    private static OutboxRoutes Routes(IServiceProvider services)
    {
        IOutboxChannel? chat = services.GetRequiredService<ActiveChatPlatform>().Kind switch
        {
            ChatPlatformKind.Slack => services.GetRequiredService<SlackOutboxChannel>(),
            ChatPlatformKind.Playground => services.GetRequiredService<PlaygroundOutboxChannel>(),
            _ => null,
        };
        var email = services.GetKeyedService<IOutboxChannel>(OutboxTargetKind.CreatorEmail);
        return new OutboxRoutes(chat, email is { Ready: true } ? email : null);
    }
}
