using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Nudges;

namespace OpsBot.Tests.Chat.Outbox;

public sealed class OutboxRateLimitTests
{
    private const string Key = "radar:2026-11-20";

    [Fact]
    public async Task TwoHosts_SlackRateLimitsLongerThanTheLease_PostedOnce_AndTheRateLimitsCostNoAttempts()
    {
        await using var slack = await FakeSlack.StartAsync();
        // Two 70 s waits: together longer than the 2-minute lease.
        slack.RateLimitNext("chat.postMessage", 70);
        slack.RateLimitNext("chat.postMessage", 70);
        using var database = new TestDatabase();
        await using var a = await OutboxHost.StartAsync(database, OutboxSlackTests.Slack(slack));
        await using var b = await OutboxHost.StartAsync(database, OutboxSlackTests.Slack(slack));

        await a.EnqueueAsync(Key, OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("SLA radar"));
        await EventuallyAsync(() => slack.CallsTo("chat.postMessage").Count == 1);
        var deferred = await database.WaitForAsync(Key, m => m.Status == OutboxStatus.Pending && m.LastError != null);
        Assert.Equal((0, a.Clock.GetUtcNow() + TimeSpan.FromSeconds(70)), (deferred.Attempts, deferred.NextAttemptAt));
        Assert.Contains("ratelimited", deferred.LastError);

        a.Clock.Advance(TimeSpan.FromSeconds(70));
        b.Clock.Advance(TimeSpan.FromSeconds(70));
        await EventuallyAsync(() => slack.CallsTo("chat.postMessage").Count == 2);
        // Deferred again by whichever host claimed it; an instance that waited inline would still hold the claim.
        var again = await database.WaitForAsync(Key, m => m.Status == OutboxStatus.Pending && m.NextAttemptAt > deferred.NextAttemptAt);
        Assert.Equal(0, again.Attempts);
        // B's clock runs ahead: past the first claim's lease and at the second deferral's end.
        b.Clock.Advance(again.NextAttemptAt - b.Clock.GetUtcNow());
        var sent = await database.WaitForAsync(Key, m => m.Status == OutboxStatus.Sent);
        a.Clock.Advance(TimeSpan.FromSeconds(70));
        await Task.Delay(300); // a few polls of both hosts: nothing may be posted again

        Assert.Single(slack.Succeeded("chat.postMessage"));
        Assert.Equal(3, slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task CreatorDm_WhoseSlackLookupIsRateLimitedLong_IsDeferred_WithoutCostingAnAttempt()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimitNext("users.lookupByEmail", 70);
        using var database = new TestDatabase();
        await database.AddAsync(NudgeData.Creator("c_bo", "bo", email: "bo@example.com"));
        await using var host = await OutboxHost.StartAsync(database, OutboxSlackTests.Slack(slack));

        await host.EnqueueAsync("nudge:t1:720m", OutboxTarget.CreatorDm("c_bo"), OutboxHost.Message("1 question is due within 12 hours"));

        var deferred = await database.WaitForAsync("nudge:t1:720m", m => m.Status == OutboxStatus.Pending && m.LastError != null);
        Assert.Equal((0, host.Clock.GetUtcNow() + TimeSpan.FromSeconds(70)), (deferred.Attempts, deferred.NextAttemptAt));
        Assert.Empty(slack.CallsTo("chat.postMessage"));
    }

    private static async Task EventuallyAsync(Func<bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The fake Slack did not see the expected calls.");
            await Task.Delay(25);
        }
    }
}
