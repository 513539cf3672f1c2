using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsBot.Metrics;
using OpsBot.Radar;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// Slash commands and buttons as Slack sends them, really signed, through the real host, answered through the real
/// SlackApi against <see cref="FakeSlack"/>: inline within the window, or acknowledged and finished through response_url.
/// </summary>
public sealed class SlackEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan SlackWindow = TimeSpan.FromSeconds(3);
    private SlackHost slack = null!;

    public async Task InitializeAsync() => slack = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    private FakeSlack Fake => slack.Slack;

    private async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(HttpRequestMessage request)
    {
        var watch = Stopwatch.StartNew();
        var response = await slack.SendAsync(request);
        return (response, watch.Elapsed);
    }

    private static async Task<JsonNode> InlineAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The calls a method got once there are <paramref name="count"/> of them (within 15 s).</summary>
    private async Task<IReadOnlyList<SlackCall>> CallsAsync(string method, int count)
    {
        for (var waited = 0; Fake.CallsTo(method).Count < count; waited += 25)
        {
            Assert.True(waited < 15_000, $"{method}: {Fake.CallsTo(method).Count} calls, expected {count}.");
            await Task.Delay(25);
        }
        return Fake.CallsTo(method);
    }

    private static string AllText(JsonNode message) => message.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task Radar_IsAnsweredInline_WithinTheWindow()
    {
        var (response, elapsed) = await TimedAsync(slack.Requests.Command("/radar", "", Fake.ResponseUrl("r1")));

        var body = await InlineAsync(response);
        Assert.True(elapsed < SlackWindow, $"took {elapsed}");
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.StartsWith("SLA radar", (string?)body["text"]);
        Assert.Equal("header", (string?)body["blocks"]![0]!["type"]);
        Assert.Contains("anna", AllText(body));
        Assert.Empty(Fake.Calls);
    }

    [Fact]
    public async Task CreatorPublic_IsAnsweredInline_InTheChannel()
    {
        var (response, elapsed) = await TimedAsync(slack.Requests.Command("/creator", "@anna public", Fake.ResponseUrl("r1")));

        var body = await InlineAsync(response);
        Assert.True(elapsed < SlackWindow, $"took {elapsed}");
        Assert.Equal("in_channel", (string?)body["response_type"]);
        Assert.Contains("anna", (string?)body["text"]);
        Assert.Empty(Fake.Calls);
    }

    [Fact]
    public async Task UnknownCommand_GetsACleanPrivateAnswer()
    {
        var body = await InlineAsync((await TimedAsync(slack.Requests.Command("/nope", "at all", Fake.ResponseUrl("r1")))).Response);

        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Equal("There is no command /nope. Try /ops help.", (string?)body["text"]);
    }

    [Fact]
    public async Task DigestWeekly_IsAckedAtOnce_ThenDeliveredThroughResponseUrl_WithItsChartsInTheAskersDm()
    {
        var (ack, elapsed) = await TimedAsync(slack.Requests.Command("/digest", "weekly", Fake.ResponseUrl("r1"), userId: "U7"));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(await ack.Content.ReadAsStringAsync());
        Assert.True(elapsed < SlackWindow, $"took {elapsed}");
        var answer = (await CallsAsync("response/r1", 1)).Single().Json!;
        // Each chart in Slack's three steps, shared into the DM OpsBot opened with the asker.
        var uploads = Fake.CallsTo("files.getUploadURLExternal");
        Assert.Equal(3, uploads.Count(c => c.Arg("filename")!.EndsWith(".png")));
        Assert.Equal(uploads.Count, Fake.Calls.Count(c => c.Method.StartsWith("upload/")));
        var completed = Fake.CallsTo("files.completeUploadExternal");
        Assert.Equal(uploads.Count, completed.Count);
        Assert.All(completed, c => Assert.Equal("DU7", c.Arg("channel_id")));
        Assert.Equal("U7", Fake.CallsTo("conversations.open").Single().Arg("users"));
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        Assert.False((bool)answer["replace_original"]!);
        var images = answer["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "image").Select(b => (string?)b!["slack_file"]!["id"]).ToList();
        var uploadedIds = Fake.Succeeded("files.getUploadURLExternal").Select(a => (string?)a["file_id"]).ToList();
        Assert.Equal(3, images.Distinct().Count());
        Assert.All(images, id => Assert.Contains(id, uploadedIds));
        Assert.Contains("direct messages with OpsBot", AllText(answer));
    }

    [Fact]
    public async Task DigestWeeklyPublic_SharesItsChartsInTheChannel()
    {
        var ack = await slack.SendAsync(slack.Requests.Command("/digest", "weekly public", Fake.ResponseUrl("r1")));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = (await CallsAsync("response/r1", 1)).Single().Json!;
        Assert.Equal("in_channel", (string?)answer["response_type"]);
        var completed = Fake.CallsTo("files.completeUploadExternal");
        Assert.True(completed.Count >= 3, $"{completed.Count} uploads");
        Assert.All(completed, c => Assert.Equal("C1", c.Arg("channel_id")));
        Assert.Empty(Fake.CallsTo("conversations.open"));
        Assert.DoesNotContain("direct messages with OpsBot", AllText(answer));
    }

    [Fact]
    public async Task ChartUploadRefused_TheAnswerStillGoes_WithTheChartsAltText()
    {
        Fake.FailNext("files.getUploadURLExternal", "invalid_arguments");

        Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(slack.Requests.Command("/digest", "weekly public", Fake.ResponseUrl("r1")))).StatusCode);

        var answer = (await CallsAsync("response/r1", 1)).Single().Json!;
        Assert.Equal(2, answer["blocks"]!.AsArray().Count(b => (string?)b!["type"] == "image"));
        Assert.Contains("[image: GMV per day, this week (week before):", AllText(answer));
    }

    [Fact]
    public async Task SlowCommand_IsAckedWithinTheBudget_AndItsAnswerFollowsThroughResponseUrl()
    {
        var (ack, elapsed) = await TimedAsync(slack.Requests.Command("/slow", "", Fake.ResponseUrl("r1")));
        slack.Slow.Release.SetResult();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(elapsed < SlackWindow, $"took {elapsed}");
        var answer = (await CallsAsync("response/r1", 1)).Single().Json!;
        Assert.Equal("Done slowly", (string?)answer["text"]);
        Assert.Equal(1, slack.Slow.Starts);
    }

    [Fact]
    public async Task ButtonPress_IsRoutedWithTheUserId_AndRewritesTheMessageThroughResponseUrl()
    {
        var (ack, elapsed) = await TimedAsync(slack.Requests.Press(PressAction.Id, Fake.ResponseUrl("a1"), userId: "U7"));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(await ack.Content.ReadAsStringAsync());
        Assert.True(elapsed < SlackWindow, $"took {elapsed}");
        var calls = await CallsAsync("response/a1", 2);
        var (update, reply) = (calls[0].Json!, calls[1].Json!);
        Assert.True((bool)update["replace_original"]!);
        Assert.Equal("Pressed by slack:U7 (olga) in C1 on 1700000000.000001", (string?)update["text"]);
        Assert.False((bool)reply["replace_original"]!);
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Equal("Noted", (string?)reply["text"]);
    }

    [Fact]
    public async Task RadarCsvButton_SendsTheFileToThePressersDm_AndSaysSoPrivately()
    {
        var csv = RadarCsvAction.IdFor(new RadarRequest(SlackHost.Now));

        Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(slack.Requests.Press(csv, Fake.ResponseUrl("a2"), userId: "U7", ephemeral: true))).StatusCode);

        var answer = (await CallsAsync("response/a2", 1)).Single().Json!;
        Assert.Equal("radar-20261120-0900Z.csv", Fake.CallsTo("files.getUploadURLExternal").Single().Arg("filename"));
        Assert.Equal("DU7", Fake.CallsTo("files.completeUploadExternal").Single().Arg("channel_id"));
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        Assert.False((bool)answer["replace_original"]!);
        Assert.Contains("direct messages with OpsBot", AllText(answer));
    }

    [Fact]
    public async Task ResponseUrl_IsUsedAtMostFiveTimes()
    {
        // Each press rewrites the message and replies: two posts to the one response_url.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(slack.Requests.Press(PressAction.Id, Fake.ResponseUrl("a1")))).StatusCode);

        await CallsAsync("response/a1", 5);
        await Task.Delay(300);
        Assert.Equal(5, Fake.CallsTo("response/a1").Count);
    }
}
