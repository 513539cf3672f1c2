using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

public sealed class OutboxSlackTests
{
    internal static Dictionary<string, string?> Slack(FakeSlack slack) => new()
    {
        ["Slack:BotToken"] = "xoxb-test",
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["Slack:Channels:Daily"] = "C_DAILY",
    };

    [Fact]
    public async Task Slack_429Then500ThatPostedNothing_RetryFindsNothingInHistory_PostsOnceWithTheOutboxKey()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimitNext("chat.postMessage", 0);
        slack.ServerErrorNext("chat.postMessage");
        await using var host = await OutboxHost.StartAsync(settings: Slack(slack));
        slack.Channels.Clock = host.Clock;

        await host.EnqueueAsync("digest.daily:2026-11-20", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("Daily digest"));
        // The 429 is waited out inside SlackApi; the 500 may have come after Slack posted, so it is the outbox's to retry.
        await host.Database.WaitForAsync("digest.daily:2026-11-20", m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var sent = await host.Database.WaitForAsync("digest.daily:2026-11-20", m => m.Status == OutboxStatus.Sent);

        var posted = Assert.Single(slack.Channels.In("C_DAILY"));
        Assert.Equal(3, slack.CallsTo("chat.postMessage").Count);
        Assert.Equal("C_DAILY", Assert.Single(slack.CallsTo("conversations.history")).Arg("channel"));
        Assert.Equal($"C_DAILY:{posted.Ts}", sent.Reference);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal("""{"event_type":"opsbot_outbox","event_payload":{"key":"digest.daily:2026-11-20"}}""", posted.Metadata?.ToJsonString());
    }

    [Fact]
    public async Task Slack_CreatorDmThenUpdate_OpensTheDmAndUpdatesThatMessage()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await OutboxHost.StartAsync(settings: Slack(slack));
        await using (var db = host.Database.NewContext())
        {
            db.Creators.Add(new Creator { Id = "c_anna", Handle = "anna", HandleKey = "anna", DisplayName = "Anna", Currency = "EUR", SlackUserId = "U_ANNA" });
            await db.SaveChangesAsync();
        }

        await host.EnqueueAsync("nudge:c_anna:12h", OutboxTarget.CreatorDm("c_anna"), OutboxHost.Message("3 questions due"));
        var post = await host.Database.WaitForAsync("nudge:c_anna:12h", m => m.Status == OutboxStatus.Sent);
        await host.EnqueueUpdateAsync("nudge:c_anna:12h#answered", "nudge:c_anna:12h", OutboxHost.Message("All answered"));
        await host.Database.WaitForAsync("nudge:c_anna:12h#answered", m => m.Status == OutboxStatus.Sent);

        Assert.Equal("U_ANNA", Assert.Single(slack.CallsTo("conversations.open")).Arg("users"));
        var update = Assert.Single(slack.CallsTo("chat.update"));
        Assert.Equal(post.Reference, $"{update.Arg("channel")}:{update.Arg("ts")}");
        Assert.Equal("All answered", update.Arg("text"));
        Assert.Single(slack.Succeeded("chat.postMessage"));
    }
}
