namespace OpsBot.Chat.Slack;

public static class SlackRendererServices
{
    /// <summary>The Block Kit renderer; it needs only the conversation core's texts and plain-text tables.</summary>
    public static IServiceCollection AddSlackRendering(this IServiceCollection services) => services.AddSingleton<SlackRenderer>();
}
