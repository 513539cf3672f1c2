using System.Text.Json.Nodes;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>Answers through a response_url: JSON, never the bot token, replace_original always explicit.</summary>
public sealed class SlackRespondTests
{
    [Theory]
    [InlineData(SlackResponseMode.Ephemeral, "ephemeral", false)]
    [InlineData(SlackResponseMode.InChannel, "in_channel", false)]
    [InlineData(SlackResponseMode.ReplaceOriginal, null, true)]
    public async Task Respond_PostsJsonWithoutToken(SlackResponseMode mode, string? responseType, bool replaceOriginal)
    {
        await using var h = await SlackApiHarness.StartAsync();
        var blocks = new JsonArray(new JsonObject { ["type"] = "divider" });
        var payload = new SlackPayload("Weekly digest", blocks, ThreadTs: "1700000000.000200");

        await h.Api.RespondAsync(h.Slack.ResponseUrl("cmd-1"), payload, mode, CancellationToken.None);

        var call = Assert.Single(h.Slack.Calls);
        Assert.Equal("response/cmd-1", call.Method);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.False(call.Headers.ContainsKey("Authorization"));
        var body = call.Json!.AsObject();
        Assert.Equal("Weekly digest", (string?)body["text"]);
        Assert.True(JsonNode.DeepEquals(blocks, body["blocks"]));
        Assert.Equal("1700000000.000200", (string?)body["thread_ts"]);
        Assert.Equal(responseType, (string?)body["response_type"]);
        Assert.Equal(replaceOriginal, (bool?)body["replace_original"]);
        Assert.False(body.ContainsKey("delete_original"));
    }

    [Fact]
    public async Task Respond_DeleteOriginal_SendsOnlyDeleteOriginal()
    {
        await using var h = await SlackApiHarness.StartAsync();

        await h.Api.RespondAsync(h.Slack.ResponseUrl("click-1"), new SlackPayload("gone"), SlackResponseMode.DeleteOriginal, CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["delete_original"] = true }, Assert.Single(h.Slack.Calls).Json));
    }

    [Fact]
    public async Task Respond_SamePayloadTwice_BothCarryTheBlocks()
    {
        await using var h = await SlackApiHarness.StartAsync();
        var payload = new SlackPayload("twice", new JsonArray(new JsonObject { ["type"] = "divider" }));

        await h.Api.RespondAsync(h.Slack.ResponseUrl("a"), payload, SlackResponseMode.Ephemeral, CancellationToken.None);
        await h.Api.RespondAsync(h.Slack.ResponseUrl("b"), payload, SlackResponseMode.InChannel, CancellationToken.None);

        Assert.All(h.Slack.Calls, c => Assert.Single(c.Json!["blocks"]!.AsArray()));
    }
}
