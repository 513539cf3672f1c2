using System.CommandLine;
using OpsBot.Cli;

namespace OpsBot.Chat.Slack;

/// <summary><c>opsbot slack-manifest [--base-url URL]</c>: prints the Slack app manifest for the commands this build answers.</summary>
internal static class SlackManifestCommand
{
    public static Command Create(CliContext cli)
    {
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "Where Slack reaches OpsBot, e.g. https://opsbot.example.com (default: a placeholder to replace).",
            DefaultValueFactory = _ => SlackManifest.PlaceholderBaseUrl,
        };
        baseUrl.Validators.Add(result =>
        {
            if (!SlackManifest.IsBaseUrl(result.GetValueOrDefault<string>()))
                result.AddError("--base-url must be an http(s) address such as https://opsbot.example.com, without a query.");
        });
        var command = new Command("slack-manifest", "Print the Slack app manifest (YAML) with every registered slash command.") { baseUrl };
        command.SetAction(async (parse, _) =>
        {
            await cli.Output.WriteAsync(SlackManifest.Render(await RegisteredCommandsAsync(), parse.GetRequiredValue(baseUrl)));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>
    /// The commands come from the host's own registry (built, never started), so the manifest lists exactly what
    /// the running bot answers, /ops topics included. Without loggers: the host's start-up lines must not end up in the YAML.
    /// </summary>
    private static async Task<IReadOnlyList<CommandSpec>> RegisteredCommandsAsync()
    {
        await using var app = OpsBotHost.Build([], overrides: services => services.AddLogging(logging => logging.ClearProviders()));
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ChatRegistry>().Commands;
    }
}
