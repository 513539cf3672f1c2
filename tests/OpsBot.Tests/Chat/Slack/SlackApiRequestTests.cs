using System.Text.Json.Nodes;
using OpsBot.Chat.Slack;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>What each Web API method sends (name, token, arguments, encoding) and what it reads back.</summary>
public sealed class SlackApiRequestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostMessage_SendsFormWithBearerTokenAndBlocksAsJson_ReturnsChannelAndTs()
    {
        await using var h = await SlackApiHarness.StartAsync();
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*Radar* & more" } });

        var posted = await h.Api.PostMessageAsync("C0DAILY", new SlackPayload("Radar: 3 creators", blocks, ThreadTs: "1700000000.000100"), null, None);

        var call = Assert.Single(h.Slack.CallsTo("chat.postMessage"));
        AssertWebApiForm(call);
        Assert.Equal("C0DAILY", call.Arg("channel"));
        Assert.Equal("Radar: 3 creators", call.Arg("text"));
        Assert.True(JsonNode.DeepEquals(blocks, JsonNode.Parse(call.Arg("blocks")!)));
        Assert.Equal("1700000000.000100", call.Arg("thread_ts"));
        var answer = Assert.Single(h.Slack.Succeeded("chat.postMessage"));
        Assert.Equal(new SlackMessageRef((string)answer["channel"]!, (string)answer["ts"]!), posted);
        Assert.Equal("C0DAILY", posted.Channel);
    }

    [Fact]
    public async Task PostMessage_WithoutBlocksOrThread_SendsNeither()
    {
        await using var h = await SlackApiHarness.StartAsync();

        await h.Api.PostMessageAsync("C1", new SlackPayload("plain"), null, None);

        var call = Assert.Single(h.Slack.CallsTo("chat.postMessage"));
        Assert.Null(call.Arg("blocks"));
        Assert.Null(call.Arg("thread_ts"));
    }

    [Fact]
    public async Task UpdateMessage_WithoutBlocks_SendsEmptyBlocksSoTheOldOnesGo()
    {
        await using var h = await SlackApiHarness.StartAsync();

        await h.Api.UpdateMessageAsync("C1", "1700000000.000001", new SlackPayload("Approved by Ana"), None);

        var call = Assert.Single(h.Slack.CallsTo("chat.update"));
        AssertWebApiForm(call);
        Assert.Equal("C1", call.Arg("channel"));
        Assert.Equal("1700000000.000001", call.Arg("ts"));
        Assert.Equal("Approved by Ana", call.Arg("text"));
        Assert.Equal("[]", call.Arg("blocks"));
    }

    [Fact]
    public async Task PostEphemeral_SendsUser_ReturnsMessageTs()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var ts = await h.Api.PostEphemeralAsync("C1", "U42", new SlackPayload("only you"), None);

        var call = Assert.Single(h.Slack.CallsTo("chat.postEphemeral"));
        AssertWebApiForm(call);
        Assert.Equal(("C1", "U42", "only you"), (call.Arg("channel"), call.Arg("user"), call.Arg("text")));
        Assert.Equal((string?)Assert.Single(h.Slack.Succeeded("chat.postEphemeral"))["message_ts"], ts);
    }

    [Fact]
    public async Task OpenDirectMessage_SendsUsers_ReturnsTheDmChannel()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var dm = await h.Api.OpenDirectMessageAsync("U42", None);

        var call = Assert.Single(h.Slack.CallsTo("conversations.open"));
        AssertWebApiForm(call);
        Assert.Equal("U42", call.Arg("users"));
        Assert.Equal((string?)Assert.Single(h.Slack.Succeeded("conversations.open"))["channel"]!["id"], dm);
        Assert.StartsWith("D", dm);
    }

    [Fact]
    public async Task LookupUserIdByEmail_KnownEmail_ReturnsId_UnknownReturnsNull()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.UsersByEmail["ana@creators.example"] = "U777";

        var known = await h.Api.LookupUserIdByEmailAsync("ana@creators.example", None);
        var unknown = await h.Api.LookupUserIdByEmailAsync("nobody@creators.example", None);

        Assert.Equal("U777", known);
        Assert.Null(unknown);
        var calls = h.Slack.CallsTo("users.lookupByEmail");
        Assert.All(calls, AssertWebApiForm);
        Assert.Equal(["ana@creators.example", "nobody@creators.example"], calls.Select(c => c.Arg("email")));
    }

    [Fact]
    public async Task UserGroupMembers_SendsGroup_ReturnsMemberIds()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.UserGroups["S0APPROVERS"] = ["U1", "W2"];

        var members = await h.Api.UserGroupMembersAsync("S0APPROVERS", None);

        Assert.Equal(["U1", "W2"], members);
        Assert.Equal("S0APPROVERS", Assert.Single(h.Slack.CallsTo("usergroups.users.list")).Arg("usergroup"));
    }

    [Fact]
    public async Task AuthTest_ReturnsTheBotsIdentity()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var me = await h.Api.AuthTestAsync(None);

        var answer = Assert.Single(h.Slack.Succeeded("auth.test"));
        Assert.Equal(new SlackIdentity((string)answer["user_id"]!, (string?)answer["bot_id"], (string)answer["team_id"]!, (string?)answer["team"]), me);
        AssertWebApiForm(Assert.Single(h.Slack.CallsTo("auth.test")));
    }

    [Fact]
    public async Task OkFalse_ThrowsWithSlacksErrorCode()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.FailNext("chat.update", "message_not_found");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.UpdateMessageAsync("C1", "1.2", new SlackPayload("x"), None));

        Assert.Equal(("chat.update", "message_not_found"), (e.Method, e.Error));
        Assert.Single(h.Slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task OkFalse_MissingScope_CarriesNeededAndProvided()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.Script("chat.postMessage", new FakeAnswer(200, new JsonObject
        {
            ["ok"] = false, ["error"] = "missing_scope", ["needed"] = "chat:write", ["provided"] = "users:read",
        }));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.PostMessageAsync("C1", new SlackPayload("x"), null, None));

        Assert.Equal(("missing_scope", "chat:write", "users:read"), (e.Error, e.Needed, e.Provided));
        Assert.Contains("chat:write", e.Message);
    }

    [Fact]
    public async Task ApiBaseUrlWithoutTrailingSlash_StillCallsMethodsBelowIt()
    {
        await using var h = await SlackApiHarness.StartAsync(apiBaseUrl: url => new Uri(url.AbsoluteUri.TrimEnd('/')));

        await h.Api.AuthTestAsync(None);

        Assert.Single(h.Slack.Succeeded("auth.test"));
    }

    [Fact]
    public async Task NoBotToken_ThrowsNamingTheSetting_WithoutCallingSlack()
    {
        await using var h = await SlackApiHarness.StartAsync(token: null);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Api.OpenDirectMessageAsync("U1", None));

        Assert.Contains("Slack:BotToken", e.Message);
        Assert.Empty(h.Slack.Calls);
    }

    /// <summary>A Web API call: the bot token in the header, and a form body (no charset, which Slack flags on forms).</summary>
    private static void AssertWebApiForm(SlackCall call)
    {
        Assert.Equal($"Bearer {SlackApiHarness.Token}", call.Headers["Authorization"]);
        Assert.Equal("application/x-www-form-urlencoded", call.ContentType);
    }
}
