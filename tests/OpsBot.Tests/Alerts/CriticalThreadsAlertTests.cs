using OpsBot.Alerts;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Alerts.AlertWorld;

namespace OpsBot.Tests.Alerts;

/// <summary>One episode of "more than 5 threads with under 12 h left": raised once, updated in place, cleared, raised again.</summary>
public sealed class CriticalThreadsAlertTests
{
    private const string Post = "alert:critical-threads@2026-11-20T09:00Z";

    [Fact]
    public async Task AboveThreshold_RaisedOnce_AcrossRepeatedSweeps_AndARetriedOccurrence()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        // The occurrence taken over after a crash runs later, when more threads are critical: it must change nothing.
        world.Clock.Advance(TimeSpan.FromMinutes(11));
        world.AddCritical(1);
        await world.SweepAsync(T0);
        world.Clock.Advance(TimeSpan.FromMinutes(4));
        await world.SweepAsync(T0);

        var alert = Assert.Single(await world.AlertsAsync());
        Assert.Equal((AlertSubjects.CriticalThreads, T0, Post, (DateTimeOffset?)null), (alert.Subject, alert.RaisedAt, alert.PostKey, alert.ClearedAt));
        var post = Assert.Single(await world.OutboxAsync());
        Assert.Equal((Post, (string?)null), (post.Key, post.UpdateOf));
        var text = MessageText.All(Content(post));
        Assert.Contains("⚠ Threads close to their deadline: 6 open threads with less than 12 h left or overdue", text);
        Assert.Contains("Open threads with less than 12 h left, overdue included: 6 (alert above 5)", text);
        Assert.Contains("Raised 2026-11-20 10:00 +01:00", text);
        Assert.Empty(Content(post).Buttons);
    }

    [Fact]
    public async Task FiguresChange_UpdatedInPlace_UnderTheSweepsKey_AndNotWhenUnchanged()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        world.AddCritical(2);
        await world.NextSweepAsync();
        await world.SweepsAsync(3);

        var outbox = await world.OutboxAsync();
        Assert.Equal(2, outbox.Count);
        var update = outbox[1];
        Assert.Equal(("alert:critical-threads@2026-11-20T09:00Z#2026-11-20T09:15Z", Post), (update.Key, update.UpdateOf));
        var text = MessageText.All(Content(update));
        Assert.Contains("Open threads with less than 12 h left, overdue included: 8 (alert above 5)", text);
        Assert.Contains("Raised 2026-11-20 10:00 +01:00, figures as of 2026-11-20 10:15 +01:00", text);
        Assert.Equal("critical=8;warn=12;above=5;clear=3", Assert.Single(await world.AlertsAsync()).Figures);
    }

    [Fact]
    public async Task CriticalThreadsPassingTheirDeadlineUnanswered_KeepTheAlertOpen()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();

        // Due at 15:00 UTC: by 16:00 all six are overdue, unanswered and not refunded.
        world.Clock.Advance(TimeSpan.FromHours(7) - TimeSpan.FromMinutes(15));
        await world.SweepsAsync(3);

        // cara is now an outlier too (answer rate 0%); that is its own alert.
        var alert = Assert.Single(await world.AlertsAsync(), a => a.Subject == AlertSubjects.CriticalThreads);
        Assert.Equal((0, (DateTimeOffset?)null), (alert.CleanSweeps, alert.ClearedAt));
        Assert.DoesNotContain(await world.OutboxAsync(), m => m.Key == Post + "/clear");
    }

    [Fact]
    public async Task BackAtClearLevelForTwoSweeps_AllClearInPlace_AndOneLine()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        await world.AnswerCriticalAsync(3);
        await world.NextSweepAsync();
        var afterOne = Assert.Single(await world.AlertsAsync());
        await world.NextSweepAsync();
        await world.SweepsAsync(2);

        Assert.Equal((1, (DateTimeOffset?)null), (afterOne.CleanSweeps, afterOne.ClearedAt));
        var alert = Assert.Single(await world.AlertsAsync());
        Assert.Equal(T0.AddMinutes(30), alert.ClearedAt);
        var outbox = await world.OutboxAsync();
        // The post, the update to 3 at 09:15, the all-clear rewrite at 09:30 and the all-clear line; nothing after.
        Assert.Equal([Post, Post + "#2026-11-20T09:15Z", Post + "#2026-11-20T09:30Z", Post + "/clear"], outbox.Select(m => m.Key));
        var final = Content(outbox[2]);
        Assert.Equal(Post, outbox[2].UpdateOf);
        Assert.Equal("✅ All clear: Threads close to their deadline", Assert.IsType<OpsBot.Chat.HeaderBlock>(final.Blocks[0]).Text);
        Assert.Contains("Raised 2026-11-20 10:00 +01:00, all clear since 2026-11-20 10:30 +01:00", MessageText.Of(final));
        Assert.Empty(final.Buttons);
        Assert.Null(outbox[3].UpdateOf);
        Assert.StartsWith("✅ All clear since 2026-11-20 10:30 +01:00: Threads close to their deadline (raised 2026-11-20 10:00 +01:00). Now: 3 open threads",
            Content(outbox[3]).Fallback);
    }

    [Fact]
    public async Task BackAfterTheAllClear_IsANewEpisode_WithItsOwnPost()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        await world.AnswerCriticalAsync(6);
        await world.SweepsAsync(2);
        world.AddCritical(7);
        await world.NextSweepAsync();
        await world.NextSweepAsync();

        var alerts = await world.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(T0.AddMinutes(30), alerts[0].ClearedAt);
        Assert.Equal((T0.AddMinutes(45), "alert:critical-threads@2026-11-20T09:45Z", (DateTimeOffset?)null), (alerts[1].RaisedAt, alerts[1].PostKey, alerts[1].ClearedAt));
        var (posts, _) = await world.OfSubjectAsync(AlertSubjects.CriticalThreads);
        Assert.Equal([Post, Post + "/clear", "alert:critical-threads@2026-11-20T09:45Z"], posts.Select(p => p.Key));
        Assert.Contains("7 open threads", Content(posts[2]).Fallback);
    }
}
