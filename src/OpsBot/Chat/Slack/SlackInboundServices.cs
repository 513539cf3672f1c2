namespace OpsBot.Chat.Slack;

public static class SlackInboundServices
{
    /// <summary><see cref="ChatActor.Platform"/> of everyone on Slack.</summary>
    public const string Platform = "slack";

    /// <summary>Slack waits three seconds; the acknowledgement needs some of them for the network.</summary>
    private static readonly TimeSpan MaxInlineAckBudget = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// What answers Slack's requests; the endpoints themselves come with <see cref="SlackEndpoints.MapSlack"/>.
    /// Answers go out through <see cref="SlackApi"/> (AddSlackApi) and <see cref="SlackRenderer"/> (AddSlackRendering).
    /// </summary>
    public static IServiceCollection AddSlackInbound(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section);
        services.AddOptions<SlackInboundOptions>().BindConfiguration(SlackOptions.Section)
            .Validate(o => o.InlineAckBudget > TimeSpan.Zero && o.InlineAckBudget <= MaxInlineAckBudget,
                $"Slack:InlineAckBudget must be more than 0 and at most {MaxInlineAckBudget.TotalSeconds} seconds: Slack waits 3 seconds for an answer.")
            .Validate(o => o.QueueCapacity >= 1, "Slack:QueueCapacity must be at least 1.")
            .Validate(o => o.WorkTimeout > TimeSpan.Zero, "Slack:WorkTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackResponseUrls>();
        services.AddScoped<ISlackResponder, SlackDelivery>();
        services.AddHostedService<SlackWorker>();
        services.AddScoped<SlackCommandAck>();
        services.AddScoped<SlackInteractions>();
        services.AddScoped<SlackPrompts>();
        services.AddScoped<SlackEvents>();
        return services;
    }
}
