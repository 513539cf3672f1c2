using OpsBot.Schedules;

namespace OpsBot.Alerts;

public static class AlertServices
{
    /// <summary>The alert sweep (<c>Schedules:AlertSweep</c>) with its clear settings (section <c>Alerts</c>, validated at start).</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertSweepOptions>().BindConfiguration(Digest.AlertThresholds.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AlertReadings>();
        services.AddScoped<AlertEpisodes>();
        services.AddSingleton<AlertMessages>();
        services.AddScheduledJob<AlertSweepJob>();
        return services;
    }
}
