using System.Text.Json;
using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

/// <summary>The JSON of metrics.md §5, field for field: the names there must exist (more are welcome).</summary>
public sealed class MetricsJsonTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");

    [Fact]
    public async Task Digest_HasEveryFieldOfSection5()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna", referralCode: "ANNA");
        var bob = f.Creator("bob", referredBy: "ANNA", joinedAt: At("2026-11-15T00:00:00Z"));
        f.Thread(bob, At("2026-11-19T08:00:00Z"), lane: Lane.Fast).ReplyAfterHours(1).Refund(At("2026-11-19T10:00:00Z"), RefundReason.PoorAnswer);
        for (var i = 0; i < 5; i++) f.Thread(anna, At("2026-11-10T00:00:00Z"), 24);   // an answer-rate outlier

        var digest = await (await f.QueryAsync<DigestQuery>()).RunAsync(DigestKind.Daily, T);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(digest, MetricsJson.Options));
        var root = json.RootElement;

        AssertFields(root, "asOf", "timeZone", "period", "sla", "gmv", "refunds", "funnel", "referral", "outliers");
        AssertFields(root.GetProperty("period"), "from", "to");
        AssertFields(root.GetProperty("sla"), "openThreads", "openOnTrackPct", "answerRate", "replyHours");
        AssertFields(root.GetProperty("sla").GetProperty("replyHours"), "mean", "median", "p90", "byLane");
        AssertFields(root.GetProperty("gmv"), "periodMinor", "mtdMinor", "netMinor", "currency", "fastLaneShare", "offerShare", "byCreator");
        AssertFields(root.GetProperty("gmv").GetProperty("byCreator")[0], "handle", "gmvMinor");
        AssertFields(root.GetProperty("refunds"), "count", "rate", "byReason");
        AssertFields(root.GetProperty("refunds").GetProperty("byReason"), "sla_miss", "poor_answer", "other");
        AssertFields(root.GetProperty("funnel"), "visits", "checkouts", "threads", "firstReplies");
        AssertFields(root.GetProperty("referral")[0], "code", "newCreators", "activeCreators", "gmvMinor");
        var outlier = root.GetProperty("outliers")[0];
        AssertFields(outlier, "handle", "answerRate", "meanReplyHours", "reasons");
        Assert.Equal("answer_rate", outlier.GetProperty("reasons")[0].GetString());
        Assert.Equal(JsonValueKind.Null, outlier.GetProperty("meanReplyHours").ValueKind);
        Assert.Equal(1, root.GetProperty("refunds").GetProperty("byReason").GetProperty("poor_answer").GetInt32());
        Assert.Equal(T, root.GetProperty("asOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task Radar_HasEveryFieldOfSection5_EnumsInSnakeCase()
    {
        using var f = new MetricsFixture();
        f.Thread(f.Creator("anna"), At("2026-11-19T10:00:00Z"), 24, amount: 2999, lane: Lane.Fast);   // 1 h left: critical

        var radar = await (await f.QueryAsync<RadarQuery>()).RunAsync(new RadarRequest(T));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(radar, MetricsJson.Options));
        var root = json.RootElement;

        AssertFields(root, "asOf", "warnHours", "threads", "moneyAtRiskMinor");
        var thread = root.GetProperty("threads")[0];
        AssertFields(thread, "threadId", "creatorHandle", "lane", "amountMinor", "currency", "createdAt", "deadlineAt", "remainingMs", "flag");
        Assert.Equal(("fast", "critical", 3_600_000L), (thread.GetProperty("lane").GetString(), thread.GetProperty("flag").GetString(), thread.GetProperty("remainingMs").GetInt64()));
        Assert.Equal(2999, root.GetProperty("moneyAtRiskMinor").GetInt64());
    }

    private static void AssertFields(JsonElement element, params string[] names)
    {
        foreach (var name in names)
            Assert.True(element.TryGetProperty(name, out _), $"missing \"{name}\" in {element}");
    }
}
