using System.Net;
using OpsBot.Chat.Playground;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>When the host serves the playground, and that its history lives in the store.</summary>
public sealed class PlaygroundHostingTests
{
    private static Task<HttpStatusCode[]> StatusesAsync(TestHost host) => StatusesAsync(host.Http);

    private static async Task<HttpStatusCode[]> StatusesAsync(HttpClient http) =>
    [
        (await http.GetAsync("/")).StatusCode,
        (await http.GetAsync(Api("/channels"))).StatusCode,
    ];

    [Fact]
    public async Task NoChatPlatformConfigured_ServesThePageAndItsScripts()
    {
        await using var host = await TestHost.StartAsync();

        var page = await host.Http.GetAsync("/");
        var script = await host.Http.GetAsync("/js/render.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\">", await page.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync());
        host.Database.Dispose();
    }

    [Theory]
    [InlineData("Slack:SigningSecret")]
    [InlineData("Slack:BotToken")]
    [InlineData("Discord:PublicKey")]
    [InlineData("Discord:BotToken")]
    public async Task ChatPlatformConfigured_PlaygroundNotMapped(string key)
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { [key] = "configured" });

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], await StatusesAsync(host));
        host.Database.Dispose();
    }

    [Fact]
    public async Task ExplicitlyEnabled_ServedBesideSlack()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Slack:BotToken"] = "x", ["Playground:Enabled"] = "true" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await StatusesAsync(host));
        host.Database.Dispose();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task ListeningOnAllInterfaces_ServedOnlyWhenRemoteAllowed(string? allowRemote, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0", ["Playground:AllowRemote"] = allowRemote });
        // 0.0.0.0 is where it listens, not an address to call: go through loopback.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.BaseAddress.Port}") };

        Assert.Equal([expected, expected], await StatusesAsync(http));
        host.Database.Dispose();
    }

    [Fact]
    public async Task History_SurvivesAHostRestart_OnTheSameFile()
    {
        using var database = new TestDatabase();
        var first = await StartAsync(database);
        var run = await first.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample 6 @anna public");
        await first.Host.DisposeAsync();

        var second = await StartAsync(database);
        var listed = await second.MessagesAsync(PlaygroundChannel.OpsDaily, AsOps);
        await second.Host.DisposeAsync();

        Assert.Equal(2, listed.Length);
        Assert.Equal(run.GetProperty("reply").GetProperty("id").GetInt64(), listed[1].GetProperty("id").GetInt64());
        Assert.Equal(BlockTypes(run.GetProperty("reply")), BlockTypes(listed[1]));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.2:0", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("https://opsbot.example.com", false)]
    public void IsLoopback_TellsLocalFromReachable(string url, bool loopback) => Assert.Equal(loopback, ListenUrls.IsLoopback(url));
}
