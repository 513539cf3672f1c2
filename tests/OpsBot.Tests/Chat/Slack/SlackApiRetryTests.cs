using System.Net;
using System.Text.Json.Nodes;
using OpsBot.Chat.Slack;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// 429 waits Retry-After; 5xx and lost connections are repeated only where that cannot post twice.
/// Every wait is checked on the fake clock, then exactly that much time is let pass.
/// </summary>
public sealed class SlackApiRetryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostMessage_RateLimited_WaitsRetryAfter_ThenPostsExactlyOnce()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 3);

        var posting = h.Api.PostMessageAsync("C1", new SlackPayload("Alert: refunds over 5%"), null, None);
        var wait = await h.Clock.NextWaitAsync();
        var callsBeforeTheWaitEnded = h.Slack.CallsTo("chat.postMessage").Count;
        h.Clock.Advance(wait);
        var posted = await posting;

        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        Assert.Equal(1, callsBeforeTheWaitEnded);
        Assert.Equal(2, h.Slack.CallsTo("chat.postMessage").Count);
        var appeared = Assert.Single(h.Slack.Succeeded("chat.postMessage"));
        Assert.Equal((string?)appeared["ts"], posted.Ts);
    }

    [Fact]
    public async Task PostMessage_RateLimitedLongerThanTheCap_NotWaited_ErrorCarriesRetryAfter()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 70);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.PostMessageAsync("C1", new SlackPayload("x"), null, None).WaitAsync(SlackApiHarness.NoWaitLimit));

        Assert.Equal(("ratelimited", TimeSpan.FromSeconds(70)), (e.Error, e.RetryAfter));
        Assert.Contains("retry after 70 s", e.Message);
        Assert.Single(h.Slack.CallsTo("chat.postMessage"));
        Assert.Empty(h.Slack.Succeeded("chat.postMessage"));
    }

    [Fact]
    public async Task RateLimitedWithoutRetryAfter_WaitsOneSecond()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.UsersByEmail["ana@creators.example"] = "U777";
        h.Slack.Script("users.lookupByEmail", new FakeAnswer(429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }));

        var lookup = h.Api.LookupUserIdByEmailAsync("ana@creators.example", None);
        var wait = await h.Clock.PassNextWaitAsync();

        Assert.Equal("U777", await lookup);
        Assert.Equal(SlackApiRetry.DefaultRetryAfter, wait);
        Assert.Equal(2, h.Slack.CallsTo("users.lookupByEmail").Count);
    }

    [Fact]
    public async Task RateLimitedEveryTime_GivesUpAfterThreeAttempts_WithRatelimited()
    {
        await using var h = await SlackApiHarness.StartAsync();
        for (var i = 0; i < SlackApiRetry.MaxAttempts; i++) h.Slack.RateLimitNext("conversations.open", retryAfterSeconds: 1);

        var opening = h.Api.OpenDirectMessageAsync("U1", None);
        for (var i = 1; i < SlackApiRetry.MaxAttempts; i++) await h.Clock.PassNextWaitAsync();
        var e = await Assert.ThrowsAsync<SlackApiException>(() => opening);

        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(SlackApiRetry.MaxAttempts, h.Slack.CallsTo("conversations.open").Count);
    }

    [Fact]
    public async Task LookupUserIdByEmail_ServerError_RepeatedAfterBackoff()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.UsersByEmail["ana@creators.example"] = "U777";
        h.Slack.ServerErrorNext("users.lookupByEmail");

        var lookup = h.Api.LookupUserIdByEmailAsync("ana@creators.example", None);
        var wait = await h.Clock.PassNextWaitAsync();

        Assert.Equal("U777", await lookup);
        Assert.InRange(wait, SlackApiRetry.FirstBackoff / 2, SlackApiRetry.FirstBackoff);
        Assert.Equal([500, 200], h.Slack.Answered.Select(a => a.Status));
    }

    [Fact]
    public async Task PostMessage_ServerError_NotRepeated_FailureSurfaces()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.ServerErrorNext("chat.postMessage");

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => h.Api.PostMessageAsync("C1", new SlackPayload("x"), null, None).WaitAsync(SlackApiHarness.NoWaitLimit));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Single(h.Slack.CallsTo("chat.postMessage"));
        Assert.Equal(0, h.Clock.UntakenWaits);
    }

    [Fact]
    public async Task ClientError_NotRepeated()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.Script("users.lookupByEmail", new FakeAnswer(404, null));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => h.Api.LookupUserIdByEmailAsync("a@b.example", None).WaitAsync(SlackApiHarness.NoWaitLimit));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Single(h.Slack.Calls);
    }

    [Fact]
    public async Task PostMessage_ConnectionRefused_RepeatedWithGrowingBackoff_ThenFails()
    {
        await using var h = await SlackApiHarness.StartAsync(apiBaseUrl: _ => SlackApiHarness.UnreachableApiBaseUrl());

        var posting = h.Api.PostMessageAsync("C1", new SlackPayload("x"), null, None);
        var first = await h.Clock.PassNextWaitAsync();
        var second = await h.Clock.PassNextWaitAsync();
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => posting);

        Assert.Equal(HttpRequestError.ConnectionError, e.HttpRequestError);
        Assert.InRange(first, SlackApiRetry.FirstBackoff / 2, SlackApiRetry.FirstBackoff);
        Assert.InRange(second, SlackApiRetry.FirstBackoff, SlackApiRetry.FirstBackoff * 2);
        Assert.Equal(0, h.Clock.UntakenWaits);
    }
}
