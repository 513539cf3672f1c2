using System.Net;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>What <c>/slack/interactions</c> refuses or ignores, through the real host: nothing is run for any of it.</summary>
public sealed class SlackInteractionsTests : IAsyncLifetime
{
    private SlackHost slack = null!;

    public async Task InitializeAsync() => slack = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    private const string Press = """
        {"type":"block_actions","user":{"id":"U1","name":"olga"},"container":{"channel_id":"C1","message_ts":"1.2"},
         "response_url":"http://127.0.0.1:9/response/r1","actions":[{"type":"button","action_id":"test.press:x"}]}
        """;

    private async Task AssertNothingDoneAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        await Task.Delay(100);
        Assert.Empty(slack.Slack.Calls);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"interactive_message"}""")]
    [InlineData("""{"user":{"id":"U1"}}""")]
    public async Task Payload_MalformedOrUnknownType_Returns400(string payload) =>
        await AssertNothingDoneAsync(await slack.SendAsync(slack.Requests.Interaction(payload)), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("\"actions\":[{\"type\":\"button\",\"action_id\":\"test.press:x\"}]", "\"actions\":[]")]
    [InlineData("\"action_id\":\"test.press:x\"", "\"value\":\"test.press:x\"")]
    [InlineData("\"user\":{\"id\":\"U1\",\"name\":\"olga\"}", "\"user\":{\"name\":\"olga\"}")]
    [InlineData("\"container\":{\"channel_id\":\"C1\",\"message_ts\":\"1.2\"}", "\"container\":{\"message_ts\":\"1.2\"}")]
    [InlineData("\"response_url\":\"http://127.0.0.1:9/response/r1\"", "\"response_url\":\"not a url\"")]
    public async Task BlockActions_MissingField_Returns400(string field, string replacement)
    {
        Assert.Contains(field, Press);
        await AssertNothingDoneAsync(await slack.SendAsync(slack.Requests.Interaction(Press.Replace(field, replacement))), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Form_WithoutPayload_Returns400() =>
        await AssertNothingDoneAsync(await slack.SendAsync(slack.Requests.Form("/slack/interactions", [("type", "block_actions")])), HttpStatusCode.BadRequest);

    [Fact]
    public async Task ViewSubmission_IsAcknowledged_AndIgnored() =>
        await AssertNothingDoneAsync(await slack.SendAsync(slack.Requests.Interaction("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1"}}""")), HttpStatusCode.OK);
}
