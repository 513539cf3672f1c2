using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class RadarQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");

    /// <summary>T = 09:00Z, WarnHours 12. Comments give deadline and remaining time as of T.</summary>
    private static MetricsFixture Build()
    {
        var f = new MetricsFixture();
        var anna = f.Creator("anna");
        var bob = f.Creator("bob");
        f.Thread(anna, At("2026-11-19T08:00:00Z"), 24, amount: 1000);                  // t01 08:00Z, −1h: overdue
        f.Thread(bob, At("2026-11-19T09:00:00Z"), 24, amount: 2000);                   // t02 09:00Z, 0: critical
        f.Thread(anna, At("2026-11-19T20:00:00Z"), 25, amount: 4000);                  // t03 21:00Z, exactly 12h: ok
        f.Thread(anna, At("2026-11-20T08:00:00Z"), 24, amount: 100, lane: Lane.Fast);  // t04 next day 08:00Z, 23h: ok
        f.Thread(bob, At("2026-11-19T10:00:00Z"), 24, amount: 8000)                    // t05 10:00Z, 1h: critical,
            .Reply(T.AddSeconds(1));                                                   //     a reply at T+1s does not exist yet
        f.Thread(bob, At("2026-11-18T10:00:00Z")).ReplyAfterHours(2);                  // t06 answered: absent
        f.Thread(anna, T.AddSeconds(1));                                               // t07 created after T: absent
        f.Thread(anna, At("2026-11-19T07:00:00Z"), 24).Refund(T);                      // t08 refunded at T: absent
        f.Thread(bob, At("2026-11-19T11:00:00Z"), 24, amount: 16000)                   // t09 11:00Z, 2h: critical,
            .Refund(T.AddSeconds(1));                                                  //     refund after T does not count
        f.Thread(anna, At("2026-11-19T08:00:00Z"), 24, amount: 32000);                 // t10 08:00Z like t01: overdue, after t01 by id
        return f;
    }

    [Fact]
    public async Task Run_OpenThreadsAsOfT_OrderedByDeadlineThenIdWithFlags()
    {
        using var f = Build();
        var radar = (await (await f.QueryAsync<RadarQuery>()).RunAsync(new RadarRequest(T)))!;

        Assert.Equal(["t01", "t10", "t02", "t05", "t09", "t03", "t04"], radar.Threads.Select(t => t.ThreadId));
        Assert.Equal(
            [RadarFlag.Overdue, RadarFlag.Overdue, RadarFlag.Critical, RadarFlag.Critical, RadarFlag.Critical, RadarFlag.Ok, RadarFlag.Ok],
            radar.Threads.Select(t => t.Flag));
        Assert.Equal([-3_600_000L, -3_600_000, 0, 3_600_000, 7_200_000, 43_200_000, 82_800_000], radar.Threads.Select(t => t.RemainingMs));
        Assert.Equal(new RadarCounts(Overdue: 2, Critical: 3, Ok: 2), radar.Counts);
        // Overdue + critical: 1000 + 32000 + 2000 + 8000 + 16000.
        Assert.Equal(59_000, radar.MoneyAtRiskMinor);
        Assert.Equal(12, radar.WarnHours);
        var t04 = radar.Threads[^1];
        Assert.Equal(("anna", Lane.Fast, 100L, "EUR", At("2026-11-20T08:00:00Z"), At("2026-11-21T08:00:00Z")),
            (t04.CreatorHandle, t04.Lane, t04.AmountMinor, t04.Currency, t04.CreatedAt, t04.DeadlineAt));
    }

    [Fact]
    public async Task Run_WarnHoursOverride_MakesTwelveHoursLeftCritical()
    {
        using var f = Build();
        var radar = (await (await f.QueryAsync<RadarQuery>()).RunAsync(new RadarRequest(T, WarnHours: 13)))!;

        Assert.Equal(RadarFlag.Critical, radar.Threads.Single(t => t.ThreadId == "t03").Flag);
        Assert.Equal(new RadarCounts(2, 4, 1), radar.Counts);
        Assert.Equal(59_000 + 4000, radar.MoneyAtRiskMinor);
    }

    [Fact]
    public async Task Run_CreatorFilter_IsCaseInsensitiveAndAcceptsAt()
    {
        using var f = Build();
        var radar = (await (await f.QueryAsync<RadarQuery>()).RunAsync(new RadarRequest(T, CreatorHandle: "@ANNA")))!;

        Assert.Equal("anna", radar.CreatorHandle);
        Assert.Equal(["t01", "t10", "t03", "t04"], radar.Threads.Select(t => t.ThreadId));
        Assert.Equal(33_000, radar.MoneyAtRiskMinor);
    }

    [Fact]
    public async Task Run_UnknownCreator_ReturnsNull()
    {
        using var f = Build();
        Assert.Null(await (await f.QueryAsync<RadarQuery>()).RunAsync(new RadarRequest(T, CreatorHandle: "zed")));
    }

    [Fact]
    public async Task Run_WithoutAsOf_UsesTheClock()
    {
        using var f = Build();
        f.Clock.SetUtcNow(T.AddHours(1));
        var radar = (await (await f.QueryAsync<RadarQuery>()).RunAsync(new RadarRequest()))!;

        Assert.Equal(T.AddHours(1), radar.AsOf);
        // An hour later t05's reply and t09's refund exist and t07 has been created (due 2 days after T+1s).
        Assert.Equal(["t01", "t10", "t02", "t03", "t04", "t07"], radar.Threads.Select(t => t.ThreadId));
    }

    [Fact]
    public async Task Run_NonPositiveWarnHours_Throws()
    {
        using var f = Build();
        var radar = await f.QueryAsync<RadarQuery>();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => radar.RunAsync(new RadarRequest(T, WarnHours: 0)));
    }

    [Fact]
    public async Task OpenThreadRows_UseTheClosedAtDeadlineIndex_NeverAFullScan()
    {
        using var f = Build();
        var radar = await f.QueryAsync<RadarQuery>();

        var plan = await QueryPlan.ExplainAsync(radar.OpenThreadRows(T, null));

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Threads_ClosedAt_DeadlineAt (ClosedAt=?)"));
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Threads_ClosedAt_DeadlineAt (ClosedAt>?)"));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN"));
    }
}
