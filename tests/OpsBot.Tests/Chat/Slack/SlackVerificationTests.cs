using System.Net;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>Every Slack endpoint refuses what Slack did not sign, through the real host; a refused request does nothing.</summary>
public sealed class SlackVerificationTests : IAsyncLifetime
{
    private SlackHost slack = null!;

    public async Task InitializeAsync() => slack = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    private SlackRequests Requests => slack.Requests;

    private async Task AssertRefusedAsync(HttpRequestMessage request, HttpStatusCode status)
    {
        var response = await slack.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Task.Delay(100); // anything wrongly started would have begun by now
        Assert.Equal(0, slack.Slow.Starts);
        Assert.Empty(slack.Slack.Calls);
    }

    private HttpRequestMessage SlowCommand() => Requests.Command("/slow", "", slack.Slack.ResponseUrl("r1"));

    [Fact]
    public async Task Command_BadSignature_Returns401()
    {
        var good = SlowCommand();
        var body = await good.Content!.ReadAsStringAsync();
        await AssertRefusedAsync(Requests.Signed("/slack/commands", body, "application/x-www-form-urlencoded", signature: SlackRequests.Sign("another-secret", good.Headers.GetValues("X-Slack-Request-Timestamp").Single(), body)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Command_BodyChangedAfterSigning_Returns401()
    {
        var request = SlowCommand();
        var body = await request.Content!.ReadAsStringAsync();
        request.Content = SlackRequests.Unsigned("/slack/commands", body.Replace("U1", "U2"), "application/x-www-form-urlencoded").Content;
        await AssertRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Command_TimestampMoreThanFiveMinutesOff_Returns401(int seconds)
    {
        var body = await SlowCommand().Content!.ReadAsStringAsync();
        await AssertRefusedAsync(Requests.Signed("/slack/commands", body, "application/x-www-form-urlencoded", at: SlackHost.Now.AddSeconds(seconds)), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("X-Slack-Request-Timestamp")]
    [InlineData("X-Slack-Signature")]
    public async Task Command_MissingHeader_Returns401(string header)
    {
        var request = SlowCommand();
        request.Headers.Remove(header);
        await AssertRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Command_SignatureHeaderTwice_Returns401()
    {
        var request = SlowCommand();
        request.Headers.Add("X-Slack-Signature", request.Headers.GetValues("X-Slack-Signature").Single());
        await AssertRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    public async Task FormEndpoint_JsonBody_Returns415(string path) =>
        await AssertRefusedAsync(Requests.Json(path, """{"command":"/slow","user_id":"U1","channel_id":"C1"}"""), HttpStatusCode.UnsupportedMediaType);

    [Fact]
    public async Task Events_FormBody_Returns415() =>
        await AssertRefusedAsync(Requests.Form("/slack/events", [("type", "url_verification"), ("challenge", "c")]), HttpStatusCode.UnsupportedMediaType);

    [Fact]
    public async Task Command_BodyOverOneMebibyte_Returns413()
    {
        var body = await SlowCommand().Content!.ReadAsStringAsync();
        await AssertRefusedAsync(Requests.Signed("/slack/commands", body + "&pad=" + new string('x', 1024 * 1024), "application/x-www-form-urlencoded"), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task SslCheck_Unsigned_Returns200AndDoesNothingElse()
    {
        var response = await slack.SendAsync(SlackRequests.Unsigned("/slack/commands", "ssl_check=1&token=legacy&command=%2Fslow&user_id=U1&channel_id=C1", "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Task.Delay(100);
        Assert.Equal(0, slack.Slow.Starts);
    }

    [Fact]
    public async Task UrlVerification_Signed_AnswersTheChallenge_UnsignedIsRefused()
    {
        const string body = """{"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        var answered = await slack.SendAsync(Requests.Json("/slack/events", body));
        var refused = await slack.SendAsync(SlackRequests.Unsigned("/slack/events", body, "application/json"));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("application/json", answered.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}""", await answered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task NoSigningSecret_EndpointsAreNotMapped()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-test" });
        try
        {
            var response = await host.Http.SendAsync(new SlackRequests(SlackRequests.Secret, host.Clock).Command("/slow", "", null));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            host.Database.Dispose();
        }
    }
}
