using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Tests.Chat.Playground;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Nudges;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Chat.Outbox;

/// <summary><c>/ops outbox</c> through the playground: parked messages listed, and sent again once their cause is fixed.</summary>
public sealed class OutboxTopicTests
{
    private const string Key = "nudge:t_42:720m";

    [Fact]
    public async Task ParkedMessage_Listed_SentAgainByTheButton_OnceItsCauseIsFixed()
    {
        await using var host = await OutboxHost.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "1" });
        var playground = new PlaygroundClient(host);
        // No creator c_anna yet: the playground has no DM to deliver to, and one attempt parks it.
        await host.EnqueueAsync(Key, OutboxTarget.CreatorDm("c_anna"), OutboxHost.Message("1 question is due within 12 hours"));
        await host.Database.WaitForAsync(Key, m => m.Status == OutboxStatus.Parked);

        var listing = (await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsOps, "/ops outbox")).GetProperty("reply");
        Assert.Contains("parked: 1", Text(listing));
        Assert.Contains($"{Key} for the DM with creator c_anna: 1 attempts", Text(listing));
        await host.Database.AddAsync(NudgeData.Creator("c_anna", "anna", slackUserId: "U_ANNA"));
        var pressed = await OkJsonAsync(await playground.PressAsync(listing.GetProperty("id").GetInt64(), AsOps, SendParkedAgainAction.Id));

        Assert.Contains("1 parked message(s) are back in the queue.", Text(pressed.GetProperty("reply")));
        var redrawn = Assert.Single(await playground.MessagesAsync(PlaygroundChannel.OpsDaily, AsOps),
            m => m.GetProperty("id").GetInt64() == listing.GetProperty("id").GetInt64());
        Assert.Contains("parked: 0", Text(redrawn));
        Assert.DoesNotContain("buttons", BlockTypes(redrawn));
        var sent = await host.Database.WaitForAsync(Key, m => m.Status == OutboxStatus.Sent);
        // Counted as a retry (the parked attempt may have been delivered), so Slack would look in the channel first.
        Assert.Equal(2, sent.Attempts);
        Assert.Single(await host.Database.PlaygroundPostsAsync(PlaygroundChannel.CreatorDm("c_anna")));
        await using var db = host.Database.NewContext();
        var line = Assert.Single(await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.OutboxRequeued).ToListAsync());
        Assert.Equal(("playground:jonas", "1 parked", "1 pending"), (line.Actor, line.Before, line.After));
    }

    [Fact]
    public async Task NothingParked_SaysSo_WithoutAButton()
    {
        await using var host = await OutboxHost.StartAsync();
        var playground = new PlaygroundClient(host);

        var listing = (await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsOps, "/ops outbox")).GetProperty("reply");

        Assert.Contains("Nothing is parked.", Text(listing));
        Assert.DoesNotContain("buttons", BlockTypes(listing));
    }
}
