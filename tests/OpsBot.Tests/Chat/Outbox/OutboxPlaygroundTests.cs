using Microsoft.EntityFrameworkCore;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

public sealed class OutboxPlaygroundTests
{
    private const int Count = 60;

    [Fact]
    public async Task Enqueue_SameKeyTwice_StoresOneRowAndReturnsTheFirst()
    {
        await using var host = await OutboxHost.StartAsync();
        var first = await host.EnqueueAsync("digest.daily:2026-11-20", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("first"));
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            host.EnqueueAsync("digest.daily:2026-11-20", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message($"again {i}"))));

        Assert.All(again, a => Assert.Equal(first.Id, a.Id));
        await using var db = host.Database.NewContext();
        var stored = Assert.Single(await db.OutboxMessages.ToListAsync());
        Assert.Equal("first", ChatMessageJson.Deserialize(stored.Content).Fallback);
    }

    [Fact]
    public async Task Enqueue_ToPlayground_DeliveredOnceAsStoredMessage()
    {
        await using var host = await OutboxHost.StartAsync();
        await host.EnqueueAsync("alert.test:1", OutboxTarget.Channel(OpsChannel.Alerts), OutboxHost.Message("Five threads due"));

        var sent = await host.Database.WaitForAsync("alert.test:1", m => m.Status == OutboxStatus.Sent);
        await Task.Delay(200); // a few more polls: nothing may be sent again

        var post = Assert.Single(await host.Database.PlaygroundPostsAsync(PlaygroundChannel.OpsAlerts));
        Assert.Equal("Five threads due", ChatMessageJson.Deserialize(post.Content).Fallback);
        Assert.Equal(post.Id.ToString(), sent.Reference);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(host.Clock.GetUtcNow(), sent.SentAt);
        Assert.Null(sent.LeaseOwner);
    }

    [Fact]
    public async Task Update_OfDeliveredPost_RewritesThePlaygroundMessageInPlace()
    {
        await using var host = await OutboxHost.StartAsync();
        await host.EnqueueAsync("alert.due:1", OutboxTarget.Channel(OpsChannel.Alerts), OutboxHost.Message("6 threads due"));
        var original = await host.Database.WaitForAsync("alert.due:1", m => m.Status == OutboxStatus.Sent);
        await host.EnqueueUpdateAsync("alert.due:1#2", "alert.due:1", OutboxHost.Message("8 threads due"));

        var update = await host.Database.WaitForAsync("alert.due:1#2", m => m.Status == OutboxStatus.Sent);

        var post = Assert.Single(await host.Database.PlaygroundPostsAsync(PlaygroundChannel.OpsAlerts));
        Assert.Equal("8 threads due", ChatMessageJson.Deserialize(post.Content).Fallback);
        Assert.Equal(original.Reference, update.Reference);
    }

    [Fact]
    public async Task TwoHosts_OneSqliteFile_EachMessageDeliveredOnce()
    {
        using var database = new TestDatabase();
        await using var a = await OutboxHost.StartAsync(database);
        await using var b = await OutboxHost.StartAsync(database);
        await using (var db = database.NewContext())
        {
            // Stored straight into the file, so neither host is woken: both find them on their next polls and race.
            var now = a.Clock.GetUtcNow();
            db.OutboxMessages.AddRange(Enumerable.Range(0, Count).Select(i => new OutboxMessage
            {
                Key = $"race:{i}", TargetKind = OutboxTargetKind.Channel, TargetId = nameof(OpsChannel.Daily),
                Content = ChatMessageJson.Serialize(OutboxHost.Message($"post {i}")), NextAttemptAt = now, CreatedAt = now,
            }));
            await db.SaveChangesAsync();
        }

        for (var i = 0; i < Count; i++) await database.WaitForAsync($"race:{i}", m => m.Status == OutboxStatus.Sent);
        await Task.Delay(200);

        var posts = await database.PlaygroundPostsAsync(PlaygroundChannel.OpsDaily);
        Assert.Equal(Count, posts.Count);
        Assert.Equal(Count, posts.Select(p => ChatMessageJson.Deserialize(p.Content).Fallback).Distinct().Count());
        await using var check = database.NewContext();
        Assert.All(await check.OutboxMessages.ToListAsync(), m => Assert.Equal(1, m.Attempts));
    }
}
