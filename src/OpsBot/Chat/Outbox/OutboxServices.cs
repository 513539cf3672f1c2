using OpsBot.Ops;

namespace OpsBot.Chat.Outbox;

public static class OutboxServices
{
    /// <summary>
    /// The outbox (<see cref="Outbox"/> to enqueue), the worker that delivers it to Slack or the playground (and to email,
    /// when a feature registers an email channel), and <c>/ops outbox</c> with its "send parked messages again" button.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.MaxAttempts >= 1, "Outbox:MaxAttempts must be at least 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero, "Outbox:PollInterval and Outbox:Lease must be positive.")
            .Validate(o => o.FirstRetryAfter > TimeSpan.Zero && o.MaxRetryAfter >= o.FirstRetryAfter,
                "Outbox:FirstRetryAfter must be positive and at most Outbox:MaxRetryAfter.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxHeartbeat>();
        services.AddSingleton<ActiveChatPlatform>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<OutboxParking>();
        services.AddScoped<PlaygroundOutboxChannel>();
        services.AddScoped<SlackOutboxChannel>();
        services.AddHostedService<OutboxWorker>();
        services.AddScoped<OutboxTopic>();
        services.AddScoped<IOpsTopic>(sp => sp.GetRequiredService<OutboxTopic>());
        services.AddChatAction<SendParkedAgainAction>();
        return services;
    }
}
