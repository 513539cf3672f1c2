namespace OpsBot.Chat.Slack;

public static class SlackDirectoryServices
{
    /// <summary>
    /// Channel routing, approvers and creators' Slack users. A singleton: it holds the caches. Needs <c>AddSlackApi</c>
    /// (which binds <see cref="SlackOptions"/>).
    /// </summary>
    public static IServiceCollection AddSlackDirectory(this IServiceCollection services)
    {
        services.AddSingleton<SlackDirectory>();
        return services;
    }
}
