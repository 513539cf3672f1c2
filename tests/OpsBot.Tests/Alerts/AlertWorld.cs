using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Schedules;
using OpsBot.Tests.Metrics;

namespace OpsBot.Tests.Alerts;

/// <summary>
/// A small known store (built with <see cref="MetricsFixture"/>) and the host's services over it, not started, on the
/// store's fake clock. <see cref="SweepAsync"/> runs the real alert sweep job for an occurrence, as the runner would.
/// Starts Friday 2026-11-20 10:00 in Berlin (<see cref="T0"/>), a quarter-hour occurrence.
/// </summary>
public sealed class AlertWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = MetricsFixture.At("2026-11-20T09:00:00Z");
    private readonly WebApplication app;
    private readonly List<string> critical = [];

    public AlertWorld(IDictionary<string, string?>? settings = null, string culture = "en")
    {
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:OpsBot"] = Store.ConnectionString,
            ["OpsBot:Culture"] = culture,
            ["Logging:LogLevel:Default"] = "None",
            ["Demo:SeedOnStart"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        app = OpsBotHost.Build([], c => c.AddInMemoryCollection(config), s => s.AddSingleton<TimeProvider>(Clock));
        Cara = Store.Creator("cara");
    }

    public MetricsFixture Store { get; } = new();

    public FakeTimeProvider Clock => Store.Clock;

    /// <summary>Whose threads fill the deadline scenarios.</summary>
    public Creator Cara { get; }

    /// <summary>Open threads due in 6 hours: critical (under 12 h left) for the next 6 hours.</summary>
    public void AddCritical(int count)
    {
        for (var i = 0; i < count; i++)
            critical.Add(Store.Thread(Cara, Clock.GetUtcNow().AddHours(-42), allowedHours: 48).Entity.Id);
    }

    /// <summary>Threads created at <paramref name="createdAt"/> with 48 h allowed, each answered after 5 h (in time).</summary>
    public void AddAnswered(Creator creator, DateTimeOffset createdAt, int count)
    {
        for (var i = 0; i < count; i++) Store.Thread(creator, createdAt).ReplyAfterHours(5);
    }

    /// <summary>Answers <paramref name="count"/> of the critical threads still open, now.</summary>
    public async Task AnswerCriticalAsync(int count)
    {
        await Store.SaveAsync();
        await using var db = Store.NewContext();
        foreach (var id in critical.Take(count).ToList())
        {
            var thread = await db.Threads.SingleAsync(t => t.Id == id);
            thread.ApplyReply(Clock.GetUtcNow());
            db.Replies.Add(new Reply { ThreadId = id, MessageId = id + "_answer", At = Clock.GetUtcNow() });
            critical.Remove(id);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>One sweep occurrence (the clock's now unless given: a retried occurrence runs later than its time).</summary>
    public async Task SweepAsync(DateTimeOffset? occurrence = null)
    {
        await Store.SaveAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "AlertSweep");
        await job.RunAsync(occurrence ?? Clock.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>The next quarter-hour sweep.</summary>
    public Task NextSweepAsync()
    {
        Clock.Advance(TimeSpan.FromMinutes(15));
        return SweepAsync();
    }

    /// <summary>Sweeps <paramref name="count"/> times, a quarter hour apart.</summary>
    public async Task SweepsAsync(int count)
    {
        for (var i = 0; i < count; i++) await NextSweepAsync();
    }

    public async Task<List<Alert>> AlertsAsync()
    {
        await using var db = Store.NewContext();
        return await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Everything enqueued for the alerts channel, oldest first.</summary>
    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Store.NewContext();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.TargetKind == OutboxTargetKind.Channel && m.TargetId == nameof(OpsChannel.Alerts))
            .OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>What the alerts channel got about one subject: its posts (not updates), and the updates of its posts.</summary>
    public async Task<(List<OutboxMessage> Posts, List<OutboxMessage> Updates)> OfSubjectAsync(string subject)
    {
        var mine = (await OutboxAsync()).Where(m => (m.UpdateOf ?? m.Key).StartsWith($"alert:{subject}@", StringComparison.Ordinal)).ToList();
        return ([.. mine.Where(m => m.UpdateOf is null)], [.. mine.Where(m => m.UpdateOf is not null)]);
    }

    public static ChatMessage Content(OutboxMessage message) => ChatMessageJson.Deserialize(message.Content);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Store.Dispose();
    }
}
