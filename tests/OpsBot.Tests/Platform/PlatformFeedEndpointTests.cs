using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsBot.Platform;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Platform.FeedSamples;
using OpsBot.Http;

namespace OpsBot.Tests.Platform;

/// <summary>Really signed requests through the real host.</summary>
public sealed class PlatformFeedEndpointTests : IAsyncLifetime
{
    private const string Secret = "whsec_test_7f3a";
    private TestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Platform:WebhookSecret"] = Secret });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        host.Database.Dispose();
    }

    private HttpRequestMessage Signed(string body, DateTimeOffset? at = null, string secret = Secret, string contentType = "application/json")
    {
        var timestamp = (at ?? host.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/platform/events") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private async Task<int> StoredEventsAsync()
    {
        await using var db = host.Database.NewContext();
        return await db.ProcessedEvents.CountAsync();
    }

    [Fact]
    public async Task Post_ValidSignedBatch_Returns200AndStoresIt()
    {
        var response = await host.Http.SendAsync(Signed(Batch(Creator(), Thread(), Reply())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 0), (counts.GetProperty("applied").GetInt32(), counts.GetProperty("duplicates").GetInt32()));
        await using var db = host.Database.NewContext();
        Assert.NotNull((await db.Threads.SingleAsync()).FirstReplyAt);
    }

    [Fact]
    public async Task Post_Redelivery_ReportsDuplicates()
    {
        var body = Batch(Creator(id: "evt_1"), Visit(id: "evt_2"));
        await host.Http.SendAsync(Signed(body));

        var response = await host.Http.SendAsync(Signed(body));

        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 2), (counts.GetProperty("applied").GetInt32(), counts.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, await StoredEventsAsync());
    }

    [Fact]
    public async Task Post_BadEvents_Returns400WithOneErrorPerEventAndStoresNothing()
    {
        var broken = Thread(id: "evt_bad");
        broken["data"]!["amountMinor"] = -1;

        var response = await host.Http.SendAsync(Signed(Batch(Creator(), broken, Visit(creatorId: "cr_ghost"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((1, "evt_bad", "data.amountMinor"), (error.GetProperty("index").GetInt32(), error.GetProperty("id").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("negative", error.GetProperty("reason").GetString());
        Assert.Equal(0, await StoredEventsAsync());
    }

    [Fact]
    public async Task Post_UnknownCreator_Returns400AndStoresNothing()
    {
        var response = await host.Http.SendAsync(Signed(Batch(Creator(), Visit(creatorId: "cr_ghost", id: "evt_ghost"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("evt_ghost", error.GetProperty("id").GetString());
        Assert.Equal(0, await StoredEventsAsync());
    }

    [Fact]
    public async Task Post_BodyNotAnArray_Returns400()
    {
        var response = await host.Http.SendAsync(Signed(Creator().ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON array", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_WrongSecret_Returns401WithoutDetail()
    {
        var response = await host.Http.SendAsync(Signed(Batch(Creator()), secret: "not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await StoredEventsAsync());
    }

    [Fact]
    public async Task Verify_BodyChangedAfterSigning_Returns401()
    {
        var request = Signed(Batch(Creator(displayName: "Anna")));
        request.Content = new StringContent(Batch(Creator(displayName: "Mallory")), Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Verify_TimestampOutsideFiveMinutes_Returns401(int offsetSeconds)
    {
        var response = await host.Http.SendAsync(Signed(Batch(Creator()), at: host.Clock.GetUtcNow().AddSeconds(offsetSeconds)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Verify_TimestampAtEdgeOfWindow_IsAccepted()
    {
        var response = await host.Http.SendAsync(Signed(Batch(Creator()), at: host.Clock.GetUtcNow().AddSeconds(-300)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(WebhookSignature.TimestampHeader, null)]
    [InlineData(WebhookSignature.SignatureHeader, null)]
    [InlineData(WebhookSignature.TimestampHeader, "yesterday")]
    [InlineData(WebhookSignature.SignatureHeader, "v0=abc")]
    public async Task Verify_MissingOrMalformedHeader_Returns401(string header, string? value)
    {
        var request = Signed(Batch(Creator()));
        request.Headers.Remove(header);
        if (value is not null) request.Headers.Add(header, value);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverOneMebibyte_Returns413()
    {
        var body = "[" + new string(' ', RawBody.MaxBytes) + "]";

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Http.SendAsync(Signed(body))).StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverOneMebibyte_Returns413()
    {
        var request = Signed("[]");
        request.Content = new ChunkedContent(new byte[RawBody.MaxBytes + 1]);
        request.Content.Headers.ContentType = new("application/json");

        var response = await host.Http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-ndjson")]
    public async Task Post_NotJson_Returns415(string contentType)
    {
        var response = await host.Http.SendAsync(Signed(Batch(Creator()), contentType: contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutWebhookSecretConfigured_EndpointIsNotMapped()
    {
        await using var unconfigured = await TestHost.StartAsync();

        var response = await unconfigured.Http.PostAsync("/platform/events", new StringContent("[]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        unconfigured.Database.Dispose();
    }

    /// <summary>Content of unknown length, sent with chunked transfer encoding.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
