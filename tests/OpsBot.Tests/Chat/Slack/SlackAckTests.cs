using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OpsBot.Chat;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// The three-second acknowledgement through the real host, with the delivery replaced by a recording mock: what is
/// answered inline, what is acknowledged and finished through the queue, and what happens when that cannot be.
/// </summary>
public sealed class SlackAckTests : IAsyncLifetime
{
    private readonly Mock<ISlackResponder> responder = new();
    private readonly Channel<(SlackResponseTarget Target, ChatReply Reply)> delivered = Channel.CreateUnbounded<(SlackResponseTarget, ChatReply)>();
    private SlackHost slack = null!;

    public async Task InitializeAsync()
    {
        slack = await SlackHost.StartAsync(s => s.AddSingleton(responder.Object),
            new Dictionary<string, string?> { ["Slack:InlineAckBudget"] = "00:00:00.300", ["Slack:QueueCapacity"] = "1" });
        responder.Setup(r => r.Inline(It.IsAny<ChatReply>())).Returns((ChatReply reply) => reply.Message.Files.Count > 0 || reply.Message.Blocks.OfType<ImageBlock>().Any()
            ? null
            : new JsonObject { ["response_type"] = reply.Public ? "in_channel" : "ephemeral", ["text"] = reply.Message.Fallback });
        responder.Setup(r => r.DeliverAsync(It.IsAny<SlackResponseTarget>(), It.IsAny<ChatReply>(), It.IsAny<CancellationToken>()))
            .Returns((SlackResponseTarget target, ChatReply reply, CancellationToken _) => delivered.Writer.WriteAsync((target, reply)).AsTask());
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    private Uri ResponseUrl => slack.Slack.ResponseUrl("r1");

    private async Task<(SlackResponseTarget Target, ChatReply Reply)> NextDeliveryAsync() =>
        await delivered.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task SlowCommand_IsAckedWithinTheBudget_ThenDeliveredThroughTheQueue_RunningOnce()
    {
        var watch = Stopwatch.StartNew();
        var ack = await slack.SendAsync(slack.Requests.Command("/slow", "", ResponseUrl));
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(await ack.Content.ReadAsStringAsync());
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        slack.Slow.Release.SetResult();
        var (target, reply) = await NextDeliveryAsync();
        Assert.Equal((ResponseUrl, "C1", "U1", SlackHost.Now), (target.ResponseUrl, target.ChannelId, target.UserId, target.ReceivedAt));
        Assert.Equal("Done slowly", reply.Message.Fallback);
        Assert.Equal(1, slack.Slow.Starts);
    }

    [Fact]
    public async Task SlowCommand_WithoutResponseUrl_AnswersInlineWithAnError_AndIsCancelled()
    {
        var ack = await JsonAsync(await slack.SendAsync(slack.Requests.Command("/slow", "", responseUrl: null)));

        Assert.Equal("ephemeral", ack.GetProperty("response_type").GetString());
        Assert.StartsWith("This answer needs more time than Slack waits", ack.GetProperty("text").GetString());
        await WaitUntilAsync(() => slack.Slow.Cancelled == 1);
        responder.Verify(r => r.DeliverAsync(It.IsAny<SlackResponseTarget>(), It.IsAny<ChatReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task QueueFull_AnswersBusy_AndCancelsTheCommand()
    {
        // Four workers each wait for a /slow, one more waits in the queue (capacity 1): the sixth finds it full.
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(slack.Requests.Command("/slow", "", slack.Slack.ResponseUrl($"r{i}")))).StatusCode);
        var busy = await JsonAsync(await slack.SendAsync(slack.Requests.Command("/slow", "", slack.Slack.ResponseUrl("r5"))));

        Assert.Equal("OpsBot is busy right now. Please try again in a minute.", busy.GetProperty("text").GetString());
        await WaitUntilAsync(() => slack.Slow.Cancelled == 1);
        slack.Slow.Release.SetResult();
        var urls = new List<string>();
        for (var i = 0; i < 5; i++) urls.Add((await NextDeliveryAsync()).Target.ResponseUrl!.ToString());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => slack.Slack.ResponseUrl($"r{i}").ToString()).Order(), urls.Order());
        Assert.Equal(6, slack.Slow.Starts);
    }

    [Fact]
    public async Task Command_WithoutUserOrChannel_Returns400_AndRunsNothing()
    {
        var response = await slack.SendAsync(slack.Requests.Form("/slack/commands", [("command", "/slow"), ("text", ""), ("response_url", ResponseUrl.ToString())]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Task.Delay(100);
        Assert.Equal(0, slack.Slow.Starts);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "The condition did not hold within 10 seconds.");
            await Task.Delay(20);
        }
    }
}
