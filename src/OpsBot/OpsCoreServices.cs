using Microsoft.Extensions.Options;
using OpsBot.Data;
using OpsBot.Metrics;
using OpsBot.Platform;

namespace OpsBot;

/// <summary>What both the host and the CLI need: options, clock, store, metrics.</summary>
public static class OpsCoreServices
{
    public static IServiceCollection AddOpsCore(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddOptions<OpsBotOptions>().BindConfiguration(OpsBotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new OpsCalendar(sp.GetRequiredService<IOptions<OpsBotOptions>>().Value.Zone));
        services.AddOpsStore(config, contentRoot);
        services.AddOpsMetrics();
        services.AddPlatform(config);
        return services;
    }
}
