using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>The fake must itself speak Slack's format, or every Slack test above it proves nothing.</summary>
public sealed class FakeSlackTests
{
    [Fact]
    public async Task Api_AnswersOkFalseWithoutBotToken_AndScriptedRateLimitOnce()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var http = new HttpClient { BaseAddress = slack.ApiBaseUrl };

        var unauthenticated = JsonNode.Parse(await http.GetStringAsync("auth.test"))!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "xoxb-test");
        slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 2);
        var limited = await http.PostAsync("chat.postMessage", new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = "C1", ["text"] = "hi" }));
        var posted = JsonNode.Parse(await (await http.PostAsync("chat.postMessage", new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = "C1" }))).Content.ReadAsStringAsync())!;

        Assert.Equal("not_authed", (string?)unauthenticated["error"]);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
        Assert.True((bool)posted["ok"]!);
        Assert.Equal("C1", (string?)posted["channel"]);
        Assert.Equal(3, slack.Calls.Count);
        Assert.Equal("hi", slack.CallsTo("chat.postMessage")[0].Arg("text"));
    }
}
