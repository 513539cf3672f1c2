using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat.Slack;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>The real host asks Slack who it is at start; a token Slack refuses stops it, naming the setting only.</summary>
public sealed class SlackStartupCheckTests
{
    private const string Token = "xoxb-4711-startup-secret";

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    [InlineData("account_inactive")]
    public async Task Start_TokenSlackRefuses_StopsHostNamingTheSettingNotTheToken(string error)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.FailNext("auth.test", error);
        using var database = new TestDatabase();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(Settings(slack, Token), database: database));

        Assert.Contains("Slack:BotToken", e.Message);
        Assert.Contains(error, e.Message);
        Assert.DoesNotContain(Token, e.ToString());
        Assert.Equal($"Bearer {Token}", Assert.Single(slack.CallsTo("auth.test")).Headers["Authorization"]);
    }

    [Fact]
    public async Task Start_TokenOfAPersonInsteadOfTheBot_StopsHost()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("auth.test", new FakeAnswer(200, new JsonObject { ["ok"] = true, ["user_id"] = "U0PERSON", ["team_id"] = "T1" }));
        using var database = new TestDatabase();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(Settings(slack, Token), database: database));

        Assert.Contains("Slack:BotToken", e.Message);
        Assert.DoesNotContain(Token, e.ToString());
    }

    [Fact]
    public async Task Start_TokenWorks_RemembersTheBotsIdentity()
    {
        await using var slack = await FakeSlack.StartAsync();

        await using var host = await TestHost.StartAsync(Settings(slack, Token));

        var answer = Assert.Single(slack.Succeeded("auth.test"));
        Assert.Equal((string?)answer["user_id"], host.Services.GetRequiredService<SlackBotIdentity>().Current?.UserId);
    }

    [Fact]
    public async Task Start_SlackUnreachable_HostStillStarts_WithoutIdentity()
    {
        var settings = new Dictionary<string, string?> { ["Slack:BotToken"] = Token, ["Slack:ApiBaseUrl"] = SlackApiHarness.UnreachableApiBaseUrl().ToString() };

        await using var host = await TestHost.StartAsync(settings);

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
        Assert.Null(host.Services.GetRequiredService<SlackBotIdentity>().Current);
    }

    [Fact]
    public async Task Start_SlackAnswersWithAnHttpError_HostStillStarts_AskingOnce()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.ServerErrorNext("auth.test");

        await using var host = await TestHost.StartAsync(Settings(slack, Token));

        Assert.Null(host.Services.GetRequiredService<SlackBotIdentity>().Current);
        Assert.Single(slack.CallsTo("auth.test"));
    }

    [Fact]
    public async Task Start_WithoutBotToken_DoesNotAskSlack()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Null(host.Services.GetRequiredService<SlackBotIdentity>().Current);
        Assert.Empty(host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SlackStartupCheck>());
    }

    private static Dictionary<string, string?> Settings(FakeSlack slack, string token) => new()
    {
        ["Slack:BotToken"] = token,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
    };
}
