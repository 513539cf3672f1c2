using System.Net;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>The Events API endpoint through the real host: each event handled once, however often Slack delivers it.</summary>
public sealed class SlackEventsTests : IAsyncLifetime
{
    private SlackHost slack = null!;

    public async Task InitializeAsync() => slack = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task Event_RedeliveredWithRetryNum_IsRecordedOnce()
    {
        var first = await slack.SendAsync(slack.Requests.Event("Ev0001"));
        var retry = await slack.SendAsync(slack.Requests.Event("Ev0001", retry: 1));
        var other = await slack.SendAsync(slack.Requests.Event("Ev0002"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, retry.StatusCode, other.StatusCode });
        Assert.Equal(2, await slack.ReceiptsAsync());
    }

    [Fact]
    public async Task Event_DeliveredTwiceAtOnce_OnlyOneClaimWins()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => slack.SendAsync(slack.Requests.Event("Ev0003", retry: i == 0 ? null : i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await slack.ReceiptsAsync());
    }

    [Fact]
    public async Task Event_DeliveredToTwoInstancesOnOneStore_IsRecordedOnce()
    {
        await using var other = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OpsBot"] = slack.Store.ConnectionString, ["Slack:SigningSecret"] = SlackRequests.Secret,
        }, SlackHost.Now);
        try
        {
            var otherRequests = new SlackRequests(SlackRequests.Secret, other.Clock);
            var responses = await Task.WhenAll(
                slack.SendAsync(slack.Requests.Event("Ev0005")), other.Http.SendAsync(otherRequests.Event("Ev0005")),
                slack.SendAsync(slack.Requests.Event("Ev0005", retry: 1)), other.Http.SendAsync(otherRequests.Event("Ev0005", retry: 1)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(1, await slack.ReceiptsAsync());
        }
        finally
        {
            other.Database.Dispose();
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"type":"event_callback","event":{"type":"app_mention"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev0004"}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev0004","event":{"type":7}}""")]
    [InlineData("""{"type":"url_verification"}""")]
    public async Task Event_Malformed_Returns400AndRecordsNothing(string body)
    {
        var response = await slack.SendAsync(slack.Requests.Json("/slack/events", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await slack.ReceiptsAsync());
    }

    [Fact]
    public async Task OtherEnvelope_IsAcknowledged_AndRecordsNothing()
    {
        var response = await slack.SendAsync(slack.Requests.Json("/slack/events", """{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await slack.ReceiptsAsync());
    }
}
