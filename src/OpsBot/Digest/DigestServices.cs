using OpsBot.Chat;
using OpsBot.Schedules;

namespace OpsBot.Digest;

public static class DigestServices
{
    /// <summary>The digests (queries, charts, messages), their options (<c>Digest</c>, <c>Alerts</c>) and <c>/digest</c>.</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertThresholds>().BindConfiguration(AlertThresholds.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AlertConditions>();
        services.AddScoped<DaySeriesQuery>();
        services.AddScoped<PriceReviewQuery>();
        services.AddSingleton<DigestPhrases>();
        services.AddSingleton<DigestChange>();
        services.AddSingleton<DigestCharts>();
        services.AddSingleton<WeeklyTables>();
        services.AddSingleton<DailyDigestMessage>();
        services.AddSingleton<WeeklyDigestMessage>();
        services.AddScheduledJob<DailyDigestJob>();
        services.AddScheduledJob<WeeklyDigestJob>();
        services.AddScoped<DigestMessages>();
        services.AddChatCommand<DigestCommand>();
        return services;
    }
}
