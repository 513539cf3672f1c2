using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Slack;
using OpsBot.Cli;
using OpsBot.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Tests.Chat.Slack;

public sealed class SlackManifestTests(RegisteredCommands registered) : IClassFixture<RegisteredCommands>
{
    private static readonly string CommittedFile = Path.Combine(RepoRoot(), "manifests", "slack", "app-manifest.yaml");

    [Fact]
    public void Render_ListsEveryRegisteredCommand_WithItsDescriptionUsageHintAndTheCommandsUrl()
    {
        var manifest = Parse(SlackManifest.Render(registered.Commands, "https://ops.example.com"));

        var commands = Sequence(manifest, "features", "slash_commands").Cast<YamlMappingNode>().ToDictionary(c => Scalar(c, "command"));
        Assert.Equal(registered.Commands.Select(c => "/" + c.Name).Order(), commands.Keys.Order());
        Assert.Subset(commands.Keys.ToHashSet(), new HashSet<string> { "/radar", "/creator", "/digest", "/ops" });
        foreach (var spec in registered.Commands)
        {
            var command = commands["/" + spec.Name];
            Assert.Equal(spec.Description, Scalar(command, "description"));
            Assert.Equal(spec.Usage, $"/{spec.Name} {Scalar(command, "usage_hint")}");
            Assert.Equal("https://ops.example.com/slack/commands", Scalar(command, "url"));
            Assert.Equal("false", Scalar(command, "should_escape"));
        }
    }

    [Fact]
    public void Render_AsksForExactlyTheBotScopesTheWebApiClientNeeds()
    {
        var manifest = Parse(SlackManifest.Render(registered.Commands, SlackManifest.PlaceholderBaseUrl));

        var scopes = Sequence(manifest, "oauth_config", "scopes", "bot").Select(s => ((YamlScalarNode)s).Value).ToList();
        Assert.Equal(["channels:history", "chat:write", "commands", "files:write", "groups:history", "im:history", "im:write", "usergroups:read", "users:read", "users:read.email"], scopes.Order());
        Assert.DoesNotContain(Sequence(manifest, "settings", "event_subscriptions", "bot_events"), e => ((YamlScalarNode)e).Value == "app_mention");
    }

    [Fact]
    public void Render_PointsInteractivityAndEventsAtTheirEndpoints_WhateverTheTrailingSlash()
    {
        var manifest = Parse(SlackManifest.Render(registered.Commands, " https://ops.example.com:8443/bot/ "));

        var settings = Mapping(manifest, "settings");
        Assert.Equal("https://ops.example.com:8443/bot/slack/interactions", Scalar(Mapping(settings, "interactivity"), "request_url"));
        Assert.Equal("true", Scalar(Mapping(settings, "interactivity"), "is_enabled"));
        Assert.Equal("https://ops.example.com:8443/bot/slack/events", Scalar(Mapping(settings, "event_subscriptions"), "request_url"));
        Assert.Equal("OpsBot", Scalar(Mapping(manifest, "display_information"), "name"));
        Assert.Equal("OpsBot", Scalar(Mapping(Mapping(manifest, "features"), "bot_user"), "display_name"));
    }

    [Fact]
    public void Render_TextThatLooksLikeYaml_ComesBackUnchanged()
    {
        const string tricky = "Say \"hi\": # no comment \\ [x] {y} 'z' @all\ttab\nline & <b> ✓";
        var spec = new CommandSpec("tricky", tricky, [new OptionSpec("kind", tricky, OptionKind.Choice, Choices: ["a: b", "#c"])]);

        var command = (YamlMappingNode)Sequence(Parse(SlackManifest.Render([spec], "https://x.example")), "features", "slash_commands").Single();

        Assert.Equal(tricky, Scalar(command, "description"));
        Assert.Equal("[a: b|#c] [public]", Scalar(command, "usage_hint"));
    }

    [Theory]
    [InlineData("ftp://ops.example.com")]
    [InlineData("ops.example.com")]
    [InlineData("https://ops.example.com/?x=1")]
    [InlineData("")]
    public void Render_BaseUrlThatIsNotAnHttpAddress_Throws(string baseUrl)
    {
        Assert.False(SlackManifest.IsBaseUrl(baseUrl));
        Assert.Throws<ArgumentException>(() => SlackManifest.Render(registered.Commands, baseUrl));
    }

    /// <summary>A command added, renamed or re-described without regenerating the committed manifest fails here.</summary>
    [Fact]
    public void CommittedManifest_IsWhatTheRegistryGenerates()
    {
        var expected = SlackManifest.Render(registered.Commands, SlackManifest.PlaceholderBaseUrl);

        Assert.True(File.ReadAllText(CommittedFile).ReplaceLineEndings("\n") == expected,
            $"{CommittedFile} is out of date: run `dotnet run --project src/OpsBot -- slack-manifest > manifests/slack/app-manifest.yaml`.");
    }

    [Fact]
    public async Task Cli_SlackManifest_PrintsTheCommittedFile_OrTheGivenBaseUrl()
    {
        var placeholder = await RunCliAsync("slack-manifest");
        var ours = await RunCliAsync("slack-manifest", "--base-url", "https://ops.example.com");

        Assert.Equal((CliApp.Ok, File.ReadAllText(CommittedFile).ReplaceLineEndings("\n"), ""), placeholder);
        Assert.Equal((CliApp.Ok, SlackManifest.Render(registered.Commands, "https://ops.example.com"), ""), ours);
    }

    [Fact]
    public async Task Cli_SlackManifest_BadBaseUrl_IsAUsageError()
    {
        var (exit, output, error) = await RunCliAsync("slack-manifest", "--base-url", "ops.example.com");

        Assert.Equal((CliApp.Usage, ""), (exit, output));
        Assert.Contains("--base-url must be an http(s) address", error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static YamlSequenceNode Sequence(YamlMappingNode node, params string[] path) =>
        (YamlSequenceNode)path[..^1].Aggregate(node, Mapping)[path[^1]];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    /// <summary>The checkout this test assembly was built from: the first folder upwards that holds OpsBot.sln.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpsBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No OpsBot.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The commands the real host registers, read once from its registry.</summary>
public sealed class RegisteredCommands : IAsyncLifetime
{
    public IReadOnlyList<CommandSpec> Commands { get; private set; } = [];

    public async Task InitializeAsync()
    {
        using var database = new TestDatabase();
        await using var host = await TestHost.StartAsync(database: database);
        using var scope = host.Services.CreateScope();
        Commands = scope.ServiceProvider.GetRequiredService<ChatRegistry>().Commands;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
