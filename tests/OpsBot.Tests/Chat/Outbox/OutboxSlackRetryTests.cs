using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

/// <summary>A retry after Slack may have posted already finds that post by its metadata instead of posting again.</summary>
public sealed class OutboxSlackRetryTests
{
    private const string Key = "digest.daily:2026-11-20";

    [Theory]
    [InlineData("500")]
    [InlineData("connection dropped")]
    public async Task Slack_PostedButAnsweredWithAFailure_RetryFindsThePost_ChannelShowsItOnce(string failure)
    {
        await using var slack = await FakeSlack.StartAsync();
        if (failure == "500") slack.PostThenServerErrorNext();
        else slack.PostThenDropConnectionNext();
        await using var host = await StartAsync(slack);

        var item = await host.EnqueueAsync(Key, OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("Daily digest"));
        await host.Database.WaitForAsync(Key, m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var sent = await host.Database.WaitForAsync(Key, m => m.Status == OutboxStatus.Sent);

        var posted = Assert.Single(slack.Channels.In("C_DAILY"));
        Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal(($"C_DAILY:{posted.Ts}", 2), (sent.Reference, sent.Attempts));
        var history = Assert.Single(slack.CallsTo("conversations.history"));
        Assert.Equal(("C_DAILY", "true"), (history.Arg("channel"), history.Arg("include_all_metadata")));
        Assert.Equal((item.CreatedAt - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), history.Arg("oldest"));
    }

    [Fact]
    public async Task Slack_CreatorDmPostedButAnswered500_RetryFindsItInTheOpenedDm_PostsOnce()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.PostThenServerErrorNext();
        await using var host = await StartAsync(slack);
        await using (var db = host.Database.NewContext())
        {
            db.Creators.Add(new Creator { Id = "c_anna", Handle = "anna", HandleKey = "anna", DisplayName = "Anna", Currency = "EUR", SlackUserId = "U_ANNA" });
            await db.SaveChangesAsync();
        }

        await host.EnqueueAsync("nudge:c_anna:12h", OutboxTarget.CreatorDm("c_anna"), OutboxHost.Message("3 questions due"));
        await host.Database.WaitForAsync("nudge:c_anna:12h", m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var sent = await host.Database.WaitForAsync("nudge:c_anna:12h", m => m.Status == OutboxStatus.Sent);

        var posted = Assert.Single(slack.Channels.In("DU_ANNA"));
        Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal($"DU_ANNA:{posted.Ts}", sent.Reference);
        Assert.Equal("DU_ANNA", Assert.Single(slack.CallsTo("conversations.history")).Arg("channel"));
        Assert.Equal(2, slack.CallsTo("conversations.open").Count);
    }

    [Fact]
    public async Task Slack_HistoryRefusedOnARetry_NothingIsPosted_AndTheNextRetryFindsTheFirstPost()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.PostThenServerErrorNext();
        // An installation that has not been granted channels:history yet.
        slack.FailNext("conversations.history", "missing_scope");
        await using var host = await StartAsync(slack);

        await host.EnqueueAsync(Key, OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("Daily digest"));
        await host.Database.WaitForAsync(Key, m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var refused = await host.Database.WaitForAsync(Key, m => m.Attempts == 2 && m.Status == OutboxStatus.Pending);
        Assert.Contains("conversations.history failed: missing_scope", refused.LastError);
        Assert.Single(slack.CallsTo("chat.postMessage"));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var sent = await host.Database.WaitForAsync(Key, m => m.Status == OutboxStatus.Sent);

        var posted = Assert.Single(slack.Channels.In("C_DAILY"));
        Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal(($"C_DAILY:{posted.Ts}", 3), (sent.Reference, sent.Attempts));
    }

    [Fact]
    public async Task Slack_ClaimOfAnInstanceThatDiedAfterPosting_TakenOverAfterItsLease_IsNotPostedAgain()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var database = new TestDatabase();
        // The dead instance claimed the item (attempt 1) and posted it, then died before marking it sent.
        await database.StoreAsync(new OutboxMessage
        {
            Key = Key, TargetKind = OutboxTargetKind.Channel, TargetId = nameof(OpsChannel.Daily),
            Content = ChatMessageJson.Serialize(OutboxHost.Message("Daily digest")), Status = OutboxStatus.Sending, Attempts = 1,
            LeaseOwner = "dead-host", LeaseUntil = TestHost.DefaultNow + TimeSpan.FromMinutes(2), NextAttemptAt = TestHost.DefaultNow,
            CreatedAt = TestHost.DefaultNow,
        });
        await using var host = await StartAsync(slack, database);
        var first = slack.Channels.Add("C_DAILY", "Daily digest", Metadata(Key));
        // A later post of the bot's, with metadata of its own, must not be taken for this item's.
        slack.Channels.Add("C_DAILY", "SLA radar", Metadata("radar:2026-11-20"));

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var sent = await database.WaitForAsync(Key, m => m.Status == OutboxStatus.Sent);

        Assert.Equal(2, slack.Channels.In("C_DAILY").Count);
        Assert.Empty(slack.CallsTo("chat.postMessage"));
        Assert.Equal(($"C_DAILY:{first.Ts}", 2), (sent.Reference, sent.Attempts));
    }

    [Fact]
    public async Task Slack_RetryInAChannelWithMoreThanAPageSinceTheItem_ReadsOnToTheNextPage()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.PostThenServerErrorNext();
        await using var host = await StartAsync(slack);
        await host.EnqueueAsync(Key, OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("Daily digest"));
        await host.Database.WaitForAsync(Key, m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        // People talk in the channel meanwhile: more than a page of messages newer than the digest.
        for (var i = 0; i < 150; i++) slack.Channels.Add("C_DAILY", $"chatter {i}");

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var sent = await host.Database.WaitForAsync(Key, m => m.Status == OutboxStatus.Sent);

        var history = slack.CallsTo("conversations.history");
        Assert.Equal(2, history.Count);
        Assert.Equal(((string?)null, "100"), (history[0].Arg("cursor"), history[0].Arg("limit")));
        Assert.False(string.IsNullOrEmpty(history[1].Arg("cursor")));
        Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal($"C_DAILY:{slack.Channels.In("C_DAILY")[0].Ts}", sent.Reference);
    }

    [Fact]
    public async Task Slack_RetryInAChannelTooBusyToSearchBackToTheItem_IsNotPosted_AndSaysWhy()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.PostThenServerErrorNext();
        await using var host = await StartAsync(slack);
        await host.EnqueueAsync(Key, OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("Daily digest"));
        await host.Database.WaitForAsync(Key, m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        for (var i = 0; i < 1000; i++) slack.Channels.Add("C_DAILY", $"chatter {i}");

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var failed = await host.Database.WaitForAsync(Key, m => m.Attempts == 2 && m.Status == OutboxStatus.Pending);

        Assert.Contains("over 1000 messages since outbox digest.daily:2026-11-20 was enqueued", failed.LastError);
        Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal(10, slack.CallsTo("conversations.history").Count);
    }

    private static JsonObject Metadata(string key) => new() { ["event_type"] = "opsbot_outbox", ["event_payload"] = new JsonObject { ["key"] = key } };

    private static async Task<TestHost> StartAsync(FakeSlack slack, TestDatabase? database = null)
    {
        var host = await OutboxHost.StartAsync(database, OutboxSlackTests.Slack(slack));
        slack.Channels.Clock = host.Clock;
        return host;
    }
}
