using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class GmvQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    private static readonly Period Yesterday = new(At("2026-11-18T23:00:00Z"), At("2026-11-19T23:00:00Z"));

    private static MetricsFixture Build()
    {
        var f = new MetricsFixture();
        var anna = f.Creator("anna");
        var bob = f.Creator("bob");
        var carl = f.Creator("carl");
        var dora = f.Creator("dora");
        f.Thread(anna, At("2026-11-19T10:00:00Z"), amount: 1000)
            .Refund(At("2026-11-19T20:00:00Z"), RefundReason.PoorAnswer, amount: 400);          // partial refund in the period
        f.Thread(anna, At("2026-11-19T11:00:00Z"), amount: 3000, lane: Lane.Fast, offer: "o1");
        f.Thread(bob, At("2026-11-19T12:00:00Z"), amount: 3000, lane: Lane.Fast)
            .Refund(At("2026-11-20T08:00:00Z"));                                               // refunded after the period
        f.Thread(carl, At("2026-11-19T22:59:59Z"), amount: 3000);                             // 23:59:59 local: still yesterday
        f.Thread(bob, At("2026-11-18T22:59:59Z"), amount: 500, offer: "o2")                   // the day before
            .Refund(At("2026-11-19T08:00:00Z"));                                               // but refunded in the period
        f.Thread(dora, At("2026-11-19T13:00:00Z"), amount: 0);
        f.OrphanRefund(At("2026-11-19T09:00:00Z"), 700);                                       // thread unknown: not counted
        return f;
    }

    [Fact]
    public async Task ForPeriod_GrossNetAndShares()
    {
        using var f = Build();

        var gmv = await (await f.QueryAsync<GmvQuery>()).ForPeriodAsync(Yesterday, T);

        // Gross 1000 + 3000 + 3000 + 3000 + 0; refunds issued in the period 400 + 500 (the orphan's 700 is not known).
        Assert.Equal((10_000L, 900L, 9_100L, 5), (gmv.GrossMinor, gmv.RefundedMinor, gmv.NetMinor, gmv.Threads));
        // Fast lane: 6000 of 10000, 2 of 5 threads. Offer: 3000 of 10000, 1 of 5 threads.
        Assert.Equal(new Share(0.6, 0.4), gmv.FastLane);
        Assert.Equal(new Share(0.3, 0.2), gmv.Offer);
    }

    [Fact]
    public async Task ByCreator_LargestFirstTiesByHandle_OnlyPositiveGmv()
    {
        using var f = Build();

        var byCreator = await (await f.QueryAsync<GmvQuery>()).ByCreatorAsync(Yesterday, T);

        // anna 4000 (net −400); bob and carl 3000 each, bob first by handle (bob's net −500 refunded in the period); dora 0: left out.
        Assert.Equal([new CreatorGmv("anna", 4000, 3600), new CreatorGmv("bob", 3000, 2500), new CreatorGmv("carl", 3000, 3000)], byCreator);
    }

    [Fact]
    public async Task ForPeriod_NoThreads_SharesAreNull()
    {
        using var f = Build();

        var gmv = await (await f.QueryAsync<GmvQuery>()).ForPeriodAsync(new Period(At("2026-11-01T00:00:00Z"), At("2026-11-02T00:00:00Z")), T);

        Assert.Equal(new Gmv(0, 0, 0, 0, new Share(null, null), new Share(null, null)), gmv);
    }

    [Fact]
    public async Task Gross_MonthToDate_AtFirstInstantOfMonth_IsEmpty_LastSecondBelongsToPreviousMonth()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-30T22:59:59Z"), amount: 1000);   // 2026-11-30 23:59:59 Berlin: last second of November
        f.Thread(anna, At("2026-11-30T23:00:00Z"), amount: 2000);   // 2026-12-01 00:00:00 Berlin: first instant of December
        var calendar = new OpsCalendar(f.Options.Zone);
        var gmv = await f.QueryAsync<GmvQuery>();

        var firstInstant = At("2026-11-30T23:00:00Z");
        Assert.Equal(0, await gmv.GrossAsync(calendar.MonthToDate(firstInstant), firstInstant));
        Assert.Equal(1000, await gmv.GrossAsync(calendar.Daily(firstInstant), firstInstant));
        var oneSecondLater = firstInstant.AddSeconds(1);
        Assert.Equal(2000, await gmv.GrossAsync(calendar.MonthToDate(oneSecondLater), oneSecondLater));
        var lastSecondOfNovember = At("2026-11-30T22:59:59.500Z");
        Assert.Equal(1000, await gmv.GrossAsync(calendar.MonthToDate(lastSecondOfNovember), lastSecondOfNovember));
    }
}
