using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Nudges;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Nudges;

/// <summary>
/// The host's services over a real SQLite file (playground as the chat platform) with a clock the test moves; runs the
/// real <see cref="NudgeSweepJob"/> in its own scope, as the runner does, and reads back what it stored.
/// </summary>
internal sealed class SweepSlice : IAsyncDisposable
{
    public SweepSlice(TestDatabase database, DateTimeOffset now, TimeSpan[]? offsets = null, string culture = "en", Action<IServiceCollection>? services = null)
    {
        Database = database;
        Clock = new FakeTimeProvider(now);
        Chat = new ChatSlice(database.ConnectionString, now, culture, s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            if (offsets is not null) s.Configure<NudgeOptions>(o => o.Offsets = [.. offsets]);
            services?.Invoke(s);
        });
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public ChatSlice Chat { get; }

    /// <summary>One sweep as of the clock's now, for the occurrence at the last quarter hour.</summary>
    public Task SweepAsync() => SweepAsync(Quarter(Clock.GetUtcNow()));

    public Task SweepAsync(DateTimeOffset occurrence) => Chat.InScopeAsync(async sp =>
    {
        var job = sp.GetServices<OpsBot.Schedules.IScheduledJob>().OfType<NudgeSweepJob>().Single();
        await job.RunAsync(occurrence, CancellationToken.None);
        return true;
    });

    /// <summary>The messages the sweep put in the outbox for creators (DMs and emails), in order.</summary>
    public async Task<List<(OutboxMessage Item, ChatMessage Message)>> RemindersAsync() =>
        [.. (await Database.OutboxAsync()).Where(m => m.TargetKind != OutboxTargetKind.Channel).Select(m => (m, ChatMessageJson.Deserialize(m.Content)))];

    public async Task<List<ChatMessage>> AlertsAsync() =>
        [.. (await Database.OutboxAsync()).Where(m => m.TargetKind == OutboxTargetKind.Channel).Select(m => ChatMessageJson.Deserialize(m.Content))];

    private static DateTimeOffset Quarter(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.FromMinutes(15).Ticks, t.Offset);

    public ValueTask DisposeAsync() => Chat.DisposeAsync();
}
