using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpsBot.Chat.Slack;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>The real host talking to a fake Slack, with its <see cref="SlackDirectory"/>, clock and log at hand.</summary>
public sealed class DirectoryHost : IAsyncDisposable
{
    private readonly TestDatabase database = new();
    public FakeSlack Slack { get; private set; } = null!;
    public TestHost Host { get; private set; } = null!;
    public LogCapture Logs { get; } = new();
    public SlackDirectory Directory => Host.Services.GetRequiredService<SlackDirectory>();

    public static async Task<DirectoryHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = new DirectoryHost { Slack = await FakeSlack.StartAsync() };
        var config = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = host.Slack.ApiBaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        host.Host = await TestHost.StartAsync(config, database: host.database, services: s => s.AddSingleton<ILoggerProvider>(host.Logs));
        return host;
    }

    /// <summary>A creator as <c>creator.upserted</c> leaves it in the store.</summary>
    public async Task AddCreatorAsync(string id, string? email, string? slackUserId = null)
    {
        await using var db = database.NewContext();
        db.Creators.Add(new Creator
        {
            Id = id, Handle = id, HandleKey = Creator.KeyOf(id), DisplayName = id, Email = email, SlackUserId = slackUserId,
            StandardPriceMinor = 1000, Currency = "EUR", FastLaneFactor = 1.5m, JoinedAt = Host.Clock.GetUtcNow(), UpdatedAt = Host.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Lets the fake clock run through SlackApi's backoff waits until <paramref name="call"/> is done (10 real seconds at most).</summary>
    public async Task<T> PassingRetryWaitsAsync<T>(Task<T> call)
    {
        for (var i = 0; i < 500 && !call.IsCompleted; i++)
        {
            Host.Clock.Advance(SlackApiRetry.MaxBackoff);
            await Task.WhenAny(call, Task.Delay(20));
        }
        return await call;
    }

    public bool Logged(LogLevel level, string text) =>
        Logs.Entries.Any(e => e.Category == typeof(SlackDirectory).FullName && e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
        database.Dispose();
    }
}
