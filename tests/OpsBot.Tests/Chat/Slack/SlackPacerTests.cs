using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>chat.postMessage keeps to about one message per second per channel, across every caller in the process.</summary>
public sealed class SlackPacerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostMessage_SameChannelAgainAtOnce_WaitsOneSecond_OtherChannelsDoNot()
    {
        await using var h = await SlackApiHarness.StartAsync();

        await h.Api.PostMessageAsync("C1", new SlackPayload("first"), null, None);
        var second = h.Api.PostMessageAsync("C1", new SlackPayload("second"), null, None);
        var wait = await h.Clock.NextWaitAsync();
        await h.Api.PostMessageAsync("C2", new SlackPayload("elsewhere"), null, None).WaitAsync(SlackApiHarness.NoWaitLimit);
        var postedBeforeTheSecondPassed = h.Slack.CallsTo("chat.postMessage").Select(c => c.Arg("text")).ToList();
        h.Clock.Advance(wait);
        await second;

        Assert.Equal(SlackPacer.Interval, wait);
        Assert.Equal(["first", "elsewhere"], postedBeforeTheSecondPassed);
        Assert.Equal(["first", "elsewhere", "second"], h.Slack.CallsTo("chat.postMessage").Select(c => c.Arg("text")));
    }

    [Fact]
    public async Task PostMessage_ThreeAtOnceToOneChannel_GoOutOneSecondApartInOrder()
    {
        await using var h = await SlackApiHarness.StartAsync();
        List<string?> Posted() => [.. h.Slack.CallsTo("chat.postMessage").Select(c => c.Arg("text"))];

        var posts = new[] { "a", "b", "c" }.Select(text => h.Api.PostMessageAsync("C1", new SlackPayload(text), null, None)).ToList();
        await posts[0];
        var afterNone = Posted();
        var bWaits = await h.Clock.PassNextWaitAsync();
        await posts[1];
        var afterOne = Posted();
        var cWaits = await h.Clock.PassNextWaitAsync();
        await posts[2];

        Assert.Equal(["a"], afterNone);
        Assert.Equal(["a", "b"], afterOne);
        Assert.Equal(["a", "b", "c"], Posted());
        Assert.Equal((SlackPacer.Interval, SlackPacer.Interval), (bWaits, cWaits));
        Assert.Equal(0, h.Clock.UntakenWaits);
    }

    [Fact]
    public async Task PostMessage_AfterASecondHasPassed_GoesOutAtOnce()
    {
        await using var h = await SlackApiHarness.StartAsync();

        await h.Api.PostMessageAsync("C1", new SlackPayload("first"), null, None);
        h.Clock.Advance(SlackPacer.Interval);
        await h.Api.PostMessageAsync("C1", new SlackPayload("second"), null, None).WaitAsync(SlackApiHarness.NoWaitLimit);

        Assert.Equal(2, h.Slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(0, h.Clock.UntakenWaits);
    }
}
