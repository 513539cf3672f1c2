namespace OpsBot.Chat.Slack;

public static class SlackServices
{
    /// <summary>
    /// Everything Slack: the Web API client (and its start-up check when a bot token is set), the Block Kit
    /// renderer, channel routing and identities, and what answers Slack's requests. The endpoints are mapped
    /// by <see cref="SlackEndpoints.MapSlack"/> only when a signing secret is set.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration config) =>
        services.AddSlackApi(config).AddSlackRendering().AddSlackDirectory().AddSlackInbound();
}
