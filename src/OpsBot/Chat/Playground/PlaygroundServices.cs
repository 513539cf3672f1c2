using Microsoft.Extensions.Options;
using OpsBot.Formatting;

namespace OpsBot.Chat.Playground;

/// <summary>The local playground: the chat side in the browser, for when no Slack or Discord is configured.</summary>
public static class PlaygroundServices
{
    /// <summary><see cref="ChatActor.Platform"/> of everyone in the playground.</summary>
    public const string Platform = "playground";

    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddOptions<PlaygroundOptions>()
            .BindConfiguration(PlaygroundOptions.Section)
            .PostConfigure<IConfiguration, OpsText>((options, config, text) =>
            {
                options.Enabled ??= PlaygroundOptions.PlatformKeys.All(key => string.IsNullOrWhiteSpace(config[key]));
                // Bound lists append to a default, so the defaults are filled in only when none are configured.
                if (options.Identities.Count == 0) options.Identities = [.. PlaygroundOptions.DefaultIdentities(PlaygroundText.Of(text))];
            })
            .Validate(options => options.Identities.All(i => i.Id.Length > 0 && i.Name.Length > 0 && i.Id != PlaygroundHistory.Bot.Id)
                    && options.Identities.DistinctBy(i => i.Id).Count() == options.Identities.Count,
                $"Playground:Identities need a unique Id and a Name each ('{PlaygroundHistory.Bot.Id}' is OpsBot's own).")
            .ValidateOnStart();
        services.AddScoped<PlaygroundHistory>();
        services.AddScoped<PlaygroundChannel>();
        services.AddScoped<PlaygroundConversation>();
        return services;
    }

    /// <summary>
    /// Serves the page at <c>/</c> and its API when the playground is enabled. It has no login, so it is
    /// refused (with a warning) when the host listens beyond loopback and <c>Playground:AllowRemote</c> is not set.
    /// </summary>
    public static WebApplication UsePlayground(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (options.Enabled != true) return app;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaygroundServices));
        var remote = ListenUrls.Remote(app.Configuration);
        if (remote.Count > 0 && !options.AllowRemote)
        {
            log.LogWarning("Playground not served: it has no login and {Urls} can be reached from other machines. "
                + "Listen on 127.0.0.1 only, or set Playground:AllowRemote=true on a trusted network.", string.Join(", ", remote));
            return app;
        }
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => NoForeignContent(file.Context.Response) });
        app.MapPlaygroundApi();
        log.LogInformation("Playground: open {Urls} in a browser", app.Configuration["urls"]);
        return app;
    }

    /// <summary>The page renders text with textContent only; this policy is the second line should that ever slip.</summary>
    private static void NoForeignContent(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
