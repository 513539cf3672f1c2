using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat.Slack;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary><see cref="SlackApi"/> as the host registers it, talking real HTTP to a <see cref="FakeSlack"/>, on a <see cref="WaitingClock"/>.</summary>
public sealed class SlackApiHarness : IAsyncDisposable
{
    public const string Token = "xoxb-test-0001-secret";

    /// <summary>
    /// Real time a test gives a call that must not wait on the fake clock: a wrongly repeated request would
    /// wait there forever, so it fails with a timeout instead of hanging the run.
    /// </summary>
    public static readonly TimeSpan NoWaitLimit = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider services;

    public FakeSlack Slack { get; }
    public WaitingClock Clock { get; } = new();

    /// <summary>A fresh client each time, as typed clients are; pacing and retries are shared between them.</summary>
    public SlackApi Api => services.GetRequiredService<SlackApi>();

    private SlackApiHarness(FakeSlack slack, Func<Uri, Uri>? apiBaseUrl, string? token)
    {
        Slack = slack;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = token,
            ["Slack:ApiBaseUrl"] = (apiBaseUrl?.Invoke(slack.ApiBaseUrl) ?? slack.ApiBaseUrl).ToString(),
        }).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton<TimeProvider>(Clock)
            .AddSlackApi(config)
            .BuildServiceProvider();
    }

    /// <param name="apiBaseUrl">Turns the fake's API URL into the configured one (for example a closed port).</param>
    public static async Task<SlackApiHarness> StartAsync(Func<Uri, Uri>? apiBaseUrl = null, string? token = Token) =>
        new(await FakeSlack.StartAsync(), apiBaseUrl, token);

    /// <summary>An API URL on a loopback port nothing listens on (bound once to find a free one, then released).</summary>
    public static Uri UnreachableApiBaseUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/api/");
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
