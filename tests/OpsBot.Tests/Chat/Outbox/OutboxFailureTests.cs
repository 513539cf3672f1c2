using Microsoft.EntityFrameworkCore;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

public sealed class OutboxFailureTests
{
    [Fact]
    public async Task Failing_MaxAttemptsTimes_ParksAndAlertsWithoutTheBody()
    {
        await using var host = await OutboxHost.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "2" });
        // No creator "c_gone" in the store: the playground has no such DM and refuses every try.
        await host.EnqueueAsync("nudge:c_gone:12h", OutboxTarget.CreatorDm("c_gone"), OutboxHost.Message("refund code 4711"));

        var failedOnce = await host.Database.WaitForAsync("nudge:c_gone:12h", m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), failedOnce.NextAttemptAt);
        Assert.Contains("dm:c_gone", failedOnce.LastError);

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var parked = await host.Database.WaitForAsync("nudge:c_gone:12h", m => m.Status == OutboxStatus.Parked);
        var alert = await host.Database.WaitForAsync(OutboxParking.AlertPrefix + parked.Id, m => m.Status == OutboxStatus.Sent);

        Assert.Equal(2, parked.Attempts);
        Assert.Equal(nameof(OpsChannel.Alerts), alert.TargetId);
        var said = Assert.Single(await host.Database.PlaygroundPostsAsync(PlaygroundChannel.OpsAlerts)).Content;
        Assert.Contains("nudge:c_gone:12h", said);
        Assert.Contains("dm:c_gone", said);
        Assert.DoesNotContain("4711", said);
    }

    [Fact]
    public async Task Parking_WhoseAlertCannotBeStored_IsNotKept_TheMessageIsParkedWithItsAlertAfterTheLease()
    {
        using var database = new TestDatabase();
        await using (var db = database.NewContext())
        {
            // No creator "c_gone": every delivery fails, and with one attempt allowed the first failure parks it.
            db.OutboxMessages.Add(new OutboxMessage
            {
                Key = "nudge:c_gone:12h", TargetKind = OutboxTargetKind.CreatorDm, TargetId = "c_gone",
                Content = ChatMessageJson.Serialize(OutboxHost.Message("due soon")), Status = OutboxStatus.Pending,
                NextAttemptAt = TestHost.DefaultNow, CreatedAt = TestHost.DefaultNow,
            });
            await db.SaveChangesAsync();
        }
        var store = new FailingOutboxWrites { Armed = true };
        await using var host = await OutboxHost.StartAsync(database, new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "1" }, store.Use);

        await host.Database.WaitForAsync("nudge:c_gone:12h", m => m.Attempts == 1);
        await Task.Delay(300);
        Assert.Equal(OutboxStatus.Sending, (await host.Database.WaitForAsync("nudge:c_gone:12h", _ => true)).Status);
        store.Armed = false;
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        var parked = await host.Database.WaitForAsync("nudge:c_gone:12h", m => m.Status == OutboxStatus.Parked);
        await host.Database.WaitForAsync(OutboxParking.AlertPrefix + parked.Id, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(2, parked.Attempts);
        Assert.Single(await host.Database.PlaygroundPostsAsync(PlaygroundChannel.OpsAlerts));
    }

    [Fact]
    public async Task Restart_ItemLeftSendingWithExpiredLease_IsSentAgain_LiveLeaseIsLeftAlone()
    {
        using var database = new TestDatabase();
        var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            db.OutboxMessages.AddRange(Sending("crashed", "old-host", now - TimeSpan.FromMinutes(1), now), Sending("busy", "other-host", now + TimeSpan.FromMinutes(1), now));
            await db.SaveChangesAsync();
        }

        await using var host = await OutboxHost.StartAsync(database);
        var retried = await database.WaitForAsync("crashed", m => m.Status == OutboxStatus.Sent);
        await Task.Delay(200);

        Assert.Equal(2, retried.Attempts);
        Assert.Single(await database.PlaygroundPostsAsync(PlaygroundChannel.OpsDaily));
        await using var check = database.NewContext();
        var busy = await check.OutboxMessages.SingleAsync(m => m.Key == "busy");
        Assert.Equal((OutboxStatus.Sending, "other-host", 1), (busy.Status, busy.LeaseOwner, busy.Attempts));
    }

    private static OutboxMessage Sending(string key, string owner, DateTimeOffset leaseUntil, DateTimeOffset now) => new()
    {
        Key = key, TargetKind = OutboxTargetKind.Channel, TargetId = nameof(OpsChannel.Daily),
        Content = ChatMessageJson.Serialize(OutboxHost.Message(key)), Status = OutboxStatus.Sending, Attempts = 1,
        LeaseOwner = owner, LeaseUntil = leaseUntil, NextAttemptAt = now, CreatedAt = now,
    };
}
