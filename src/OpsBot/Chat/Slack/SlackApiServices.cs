using Microsoft.Extensions.Options;

namespace OpsBot.Chat.Slack;

public static class SlackApiServices
{
    /// <summary>Long enough for a chart upload, short enough that a stuck call fails while someone still waits for it.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The Web API client (<see cref="SlackApi"/>, base URL <c>Slack:ApiBaseUrl</c>) with its shared pacing and
    /// retries, and, when <c>Slack:BotToken</c> is set, the <c>auth.test</c> check at start.
    /// </summary>
    public static IServiceCollection AddSlackApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section);
        services.AddSingleton<SlackApiRetry>();
        services.AddSingleton<SlackPacer>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddHttpClient<SlackApi>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
                // Without a trailing slash "chat.postMessage" would replace "api" instead of following it.
                http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                http.Timeout = RequestTimeout;
            })
            // The factory's loggers print whole URLs, and a response_url is a credential: anyone holding it may
            // post for 30 minutes. SlackApiRetry logs failures by Slack method name instead.
            .RemoveAllLoggers();
        if (!string.IsNullOrWhiteSpace(config[$"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}"]))
            services.AddHostedService<SlackStartupCheck>();
        return services;
    }
}
