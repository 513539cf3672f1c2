using OpsBot.Chat;
using OpsBot.Ops;

namespace OpsBot.Radar;

public static class RadarServices
{
    /// <summary><c>/radar</c> and its CSV button. The card buttons it shows belong to AddCreators.</summary>
    public static IServiceCollection AddRadar(this IServiceCollection services)
    {
        services.AddScoped<RadarMessage>();
        services.AddChatCommand<RadarCommand>();
        services.AddChatAction<RadarCsvAction>();
        services.AddCommandHelpTexts(RadarText.Resources);
        return services;
    }
}
