using OpsBot.Alerts;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Creators;
using OpsBot.Chat.Playground;
using OpsBot.Chat.Slack;
using OpsBot.Data;
using OpsBot.Ops;
using OpsBot.Proposals;
using OpsBot.Digest;
using OpsBot.Nudges;
using OpsBot.Platform.Demo;
using OpsBot.Audit;
using OpsBot.Platform;
using OpsBot.Radar;
using OpsBot.Schedules;

namespace OpsBot;

/// <summary>The ASP.NET Core host: the table of contents of what runs.</summary>
public static class OpsBotHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    /// <param name="configure">Extra configuration sources, applied last (tests use it).</param>
    /// <param name="overrides">Service replacements, applied after OpsBot's own registrations.</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder.Configuration);
        // Loopback only unless ASPNETCORE_URLS / --urls / Urls says otherwise: the playground has no login.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddOpsCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddChat();
        builder.Services.AddRadar();
        builder.Services.AddCreators();
        builder.Services.AddOps();
        builder.Services.AddPlayground();
        builder.Services.AddDigest();
        builder.Services.AddAlerts();
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddSchedules(builder.Configuration);
        builder.Services.AddOutbox();
        builder.Services.AddNudges();
        builder.Services.AddAudit();
        builder.Services.AddProposals();
        builder.Services.AddHostedService<StoreStartup>();
        builder.Services.AddHostedService<DemoSeeding>();
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapPlatformFeed();
        app.UsePlayground();
        app.MapSlack();
        return app;
    }
}
