using OpsBot.Chat;
using OpsBot.Ops;
using OpsBot.Schedules;

namespace OpsBot.Radar;

public static class RadarServices
{
    /// <summary><c>/radar</c>, its CSV button and the morning radar. The card buttons it shows belong to AddCreators.</summary>
    public static IServiceCollection AddRadar(this IServiceCollection services)
    {
        services.AddScoped<RadarMessage>();
        services.AddChatCommand<RadarCommand>();
        services.AddChatAction<RadarCsvAction>();
        services.AddScheduledJob<DailyRadarJob>();
        services.AddCommandHelpTexts(RadarText.Resources);
        return services;
    }
}
