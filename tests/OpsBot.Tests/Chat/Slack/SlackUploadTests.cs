using System.Globalization;
using System.Text.Json.Nodes;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>The three-step upload: an upload URL, the bytes sent there without the token, then completion.</summary>
public sealed class SlackUploadTests
{
    private static readonly byte[] Chart = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3, 4, 5];

    [Fact]
    public async Task UploadFile_ToChannel_SendsBytesToTheUploadUrl_ThenCompletesWithFileAndChannel()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var fileId = await h.Api.UploadFileAsync(
            new SlackUpload("gmv.png", Chart, "GMV per creator", "Bar chart of GMV per creator", "C0WEEKLY", "Weekly digest"), CancellationToken.None);

        Assert.Equal(["files.getUploadURLExternal", $"upload/{fileId}", "files.completeUploadExternal"], h.Slack.Calls.Select(c => c.Method));
        var (ask, upload, complete) = (h.Slack.Calls.ElementAt(0), h.Slack.Calls.ElementAt(1), h.Slack.Calls.ElementAt(2));
        Assert.Equal(("gmv.png", Chart.Length.ToString(CultureInfo.InvariantCulture), "Bar chart of GMV per creator"),
            (ask.Arg("filename"), ask.Arg("length"), ask.Arg("alt_txt")));
        Assert.Equal((string?)Assert.Single(h.Slack.Succeeded("files.getUploadURLExternal"))["file_id"], fileId);
        Assert.Equal(Chart, upload.Body);
        Assert.False(upload.Headers.ContainsKey("Authorization"));
        Assert.Equal($"Bearer {SlackApiHarness.Token}", complete.Headers["Authorization"]);
        Assert.True(JsonNode.DeepEquals(new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = "GMV per creator" }), JsonNode.Parse(complete.Arg("files")!)));
        Assert.Equal(("C0WEEKLY", "Weekly digest"), (complete.Arg("channel_id"), complete.Arg("initial_comment")));
    }

    [Fact]
    public async Task UploadFile_WithoutChannel_StaysPrivate_TitledByFileName()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var fileId = await h.Api.UploadFileAsync(new SlackUpload("uptake.png", Chart, null, null, null, null), CancellationToken.None);

        Assert.Null(Assert.Single(h.Slack.CallsTo("files.getUploadURLExternal")).Arg("alt_txt"));
        var complete = Assert.Single(h.Slack.CallsTo("files.completeUploadExternal"));
        Assert.True(JsonNode.DeepEquals(new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = "uptake.png" }), JsonNode.Parse(complete.Arg("files")!)));
        Assert.Null(complete.Arg("channel_id"));
        Assert.Null(complete.Arg("initial_comment"));
    }

    [Fact]
    public async Task UploadFile_Empty_ThrowsWithoutCallingSlack()
    {
        await using var h = await SlackApiHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Api.UploadFileAsync(new SlackUpload("empty.png", [], null, null, "C1", null), CancellationToken.None));

        Assert.Empty(h.Slack.Calls);
    }

    [Fact]
    public async Task UploadFile_CompleteIntoChannelFailsWith500_NotRepeated()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.ServerErrorNext("files.completeUploadExternal");

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            h.Api.UploadFileAsync(new SlackUpload("gmv.png", Chart, null, null, "C1", null), CancellationToken.None).WaitAsync(SlackApiHarness.NoWaitLimit));

        Assert.Single(h.Slack.CallsTo("files.completeUploadExternal"));
    }
}
