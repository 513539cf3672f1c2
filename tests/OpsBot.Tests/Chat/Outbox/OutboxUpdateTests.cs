using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

/// <summary>Updates in place: held back until their original is sent, and never one older than what is shown.</summary>
public sealed class OutboxUpdateTests
{
    private static readonly DateTimeOffset Now = TestHost.DefaultNow;

    [Fact]
    public async Task Update_OfAnOriginalNotSentYet_IsNotAttempted_ThenDeliveredOnceAfterIt()
    {
        using var database = new TestDatabase();
        // The original waits for its retry in ten minutes (it failed once); its update is stored meanwhile.
        await database.StoreAsync(
            Item("alert.due:1", null, "6 threads due", OutboxStatus.Pending, nextAttemptAt: Now + TimeSpan.FromMinutes(10)),
            Item("alert.due:1#2", "alert.due:1", "8 threads due", OutboxStatus.Pending, nextAttemptAt: Now));
        await using var host = await OutboxHost.StartAsync(database);

        await Task.Delay(300); // a few polls: the update must not be claimed
        var waiting = await database.WaitForAsync("alert.due:1#2", _ => true);
        Assert.Equal((OutboxStatus.Pending, 0, (string?)null), (waiting.Status, waiting.Attempts, waiting.LastError));

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var original = await database.WaitForAsync("alert.due:1", m => m.Status == OutboxStatus.Sent);
        var update = await database.WaitForAsync("alert.due:1#2", m => m.Status == OutboxStatus.Sent);

        Assert.Equal((1, original.Reference), (update.Attempts, update.Reference));
        var post = Assert.Single(await database.PlaygroundPostsAsync(PlaygroundChannel.OpsAlerts));
        Assert.Equal("8 threads due", ChatMessageJson.Deserialize(post.Content).Fallback);
    }

    [Fact]
    public async Task OlderUpdate_RetriedAfterANewerOneWasSent_IsNotSentToThePlatform()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var database = new TestDatabase();
        await database.StoreAsync(
            Item("alert.due:1", null, "6 threads due", OutboxStatus.Sent, nextAttemptAt: Now, reference: "C_ALERTS:1700000000.000001"),
            // The older update failed once and waits for its retry; the newer one is due now.
            Item("alert.due:1#2", "alert.due:1", "7 threads due", OutboxStatus.Pending, nextAttemptAt: Now + TimeSpan.FromSeconds(30), attempts: 1),
            Item("alert.due:1#3", "alert.due:1", "8 threads due", OutboxStatus.Pending, nextAttemptAt: Now));
        await using var host = await OutboxHost.StartAsync(database, OutboxSlackTests.Slack(slack));

        await database.WaitForAsync("alert.due:1#3", m => m.Status == OutboxStatus.Sent);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var older = await database.WaitForAsync("alert.due:1#2", m => m.Status == OutboxStatus.Sent);

        var update = Assert.Single(slack.CallsTo("chat.update"));
        Assert.Equal(("1700000000.000001", "8 threads due"), (update.Arg("ts"), update.Arg("text")));
        Assert.Equal("C_ALERTS:1700000000.000001", older.Reference);
    }

    private static OutboxMessage Item(string key, string? updateOf, string text, OutboxStatus status, DateTimeOffset nextAttemptAt,
        int attempts = 0, string? reference = null) => new()
    {
        Key = key, UpdateOf = updateOf, TargetKind = OutboxTargetKind.Channel, TargetId = nameof(OpsChannel.Alerts),
        Content = ChatMessageJson.Serialize(OutboxHost.Message(text)), Status = status, Attempts = attempts,
        NextAttemptAt = nextAttemptAt, CreatedAt = Now, Reference = reference, SentAt = reference is null ? null : Now,
    };
}
