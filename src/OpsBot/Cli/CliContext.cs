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
    public IHost BuildServices()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        configure?.Invoke(builder.Configuration);
        builder.Services.AddOpsCore(builder.Configuration, builder.Environment.ContentRootPath);
        return builder.Build();
    }
}
