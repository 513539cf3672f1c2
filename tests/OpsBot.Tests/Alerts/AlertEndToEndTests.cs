using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;

namespace OpsBot.Tests.Alerts;

/// <summary>The real host: schedule → runner → alert sweep → outbox → the playground's alerts channel.</summary>
public sealed class AlertEndToEndTests
{
    private const string Post = "alert:critical-threads@2026-11-20T09:00Z";

    [Fact]
    public async Task CriticalThreads_PostedOnce_RewrittenInPlace_ThenAllClear_InThePlayground()
    {
        using var store = new MetricsFixture();
        var cara = store.Creator("cara");
        var threads = Enumerable.Range(0, 8).Select(_ => store.Thread(cara, AlertWorld.T0.AddHours(-42)).Entity).ToList();
        await store.SaveAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:OpsBot"] = store.ConnectionString, ["Outbox:PollInterval"] = "00:00:00.050" },
            now: AlertWorld.T0.AddMinutes(-1));
        var runner = host.Services.GetRequiredService<JobRunner>();
        var database = new StoreFiles(store);
        await runner.TickAsync(CancellationToken.None);
        await AnswerAsync(store, threads.Take(2), host.Clock.GetUtcNow());      // 6 critical

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await runner.TickAsync(CancellationToken.None);
        await database.SentAsync(Post);
        var raised = Assert.Single(await database.AlertPostsAsync());

        store.Thread(cara, AlertWorld.T0.AddHours(-42));                        // 7 critical
        await store.SaveAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await runner.TickAsync(CancellationToken.None);
        await database.SentAsync(Post + "#2026-11-20T09:15Z");
        var updated = Assert.Single(await database.AlertPostsAsync());

        await AnswerAsync(store, threads.Skip(2).Take(4), host.Clock.GetUtcNow());   // 3: the clear level
        for (var i = 0; i < 2; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(15));
            await runner.TickAsync(CancellationToken.None);
        }
        await database.SentAsync(Post + "/clear");
        await database.SentAsync(Post + "#2026-11-20T09:45Z");
        var posts = await database.AlertPostsAsync();

        Assert.Contains("6 open threads", Fallback(raised));
        Assert.Equal(raised.Id, updated.Id);
        Assert.Contains("7 open threads", Fallback(updated));
        Assert.Equal(2, posts.Count);
        Assert.Equal(raised.Id, posts[0].Id);
        Assert.StartsWith("✅ All clear: Threads close to their deadline", Fallback(posts[0]));
        Assert.Contains("all clear since 2026-11-20 10:45 +01:00", MessageText.Of(ChatMessageJson.Deserialize(posts[0].Content)));
        Assert.StartsWith("✅ All clear since 2026-11-20 10:45 +01:00", Fallback(posts[1]));
    }

    private static async Task AnswerAsync(MetricsFixture store, IEnumerable<OpsBot.Data.Thread> threads, DateTimeOffset at)
    {
        await using var db = store.NewContext();
        foreach (var t in threads)
        {
            (await db.Threads.FindAsync(t.Id))!.ApplyReply(at);
            db.Replies.Add(new Reply { ThreadId = t.Id, MessageId = t.Id + "_answer", At = at });
        }
        await db.SaveChangesAsync();
    }

    private static string Fallback(PlaygroundMessage message) => ChatMessageJson.Deserialize(message.Content).Fallback;

    /// <summary>The store's file as the outbox helpers read it.</summary>
    private sealed class StoreFiles(MetricsFixture store)
    {
        public async Task SentAsync(string key)
        {
            var until = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                await using (var db = store.NewContext())
                    if (db.OutboxMessages.Any(m => m.Key == key && m.Status == OutboxStatus.Sent)) return;
                if (DateTime.UtcNow > until) throw new TimeoutException($"Outbox {key} was not sent.");
                await Task.Delay(25);
            }
        }

        public async Task<List<PlaygroundMessage>> AlertPostsAsync()
        {
            // Only the alert sweep's posts: the nudge sweep may list unreachable creators in the same channel.
            await using var db = store.NewContext();
            var references = db.OutboxMessages.Where(m => m.Key.StartsWith("alert:") && m.UpdateOf == null && m.Reference != null)
                .Select(m => m.Reference!).ToList().Select(long.Parse).ToHashSet();
            return [.. db.PlaygroundMessages.Where(m => m.Channel == PlaygroundChannel.OpsAlerts).OrderBy(m => m.Id).AsEnumerable()
                .Where(m => references.Contains(m.Id))];
        }
    }
}
