using Microsoft.Extensions.Hosting;

namespace OpsBot.Cli;

/// <summary>Where a CLI command writes, and how it gets the same services and configuration as the host.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>
    /// Builds the services the host would have (appsettings next to the executable, environment
    /// variables such as <c>ConnectionStrings__OpsBot</c>), without the web server.
    /// </summary>
    /// <param name="overrideConfig">Configuration applied last (the bench points the store at its own file).</param>
    /// <param name="overrideServices">Service changes applied after OpsBot's own registrations.</param>
    public IHost BuildServices(Action<IConfigurationBuilder>? overrideConfig = null, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        configure?.Invoke(builder.Configuration);
        overrideConfig?.Invoke(builder.Configuration);
        builder.Services.AddOpsCore(builder.Configuration, builder.Environment.ContentRootPath);
        overrideServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
