using OpsBot.Platform.Demo;

namespace OpsBot.Platform;

/// <summary>Registers the platform side of OpsBot: options, the event parser, feed and importer.</summary>
public static class PlatformServices
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PlatformOptions>(config.GetSection(PlatformOptions.Section));
        services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.Section);
        services.AddSingleton<EventParser>();
        services.AddScoped<EventFeed>();
        services.AddScoped<EventImporter>();
        return services;
    }
}
