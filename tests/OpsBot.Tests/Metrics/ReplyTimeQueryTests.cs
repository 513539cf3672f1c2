using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class ReplyTimeQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    private static readonly Period Yesterday = new(At("2026-11-18T23:00:00Z"), At("2026-11-19T23:00:00Z"));
    private static readonly DateTimeOffset Morning = At("2026-11-19T00:00:00Z");

    [Fact]
    public async Task ForPeriod_OddAndEvenCounts_MeanMedianP90OverallAndPerLane()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        foreach (var hours in new[] { 1, 3, 8 }) f.Thread(anna, Morning).ReplyAfterHours(hours);
        foreach (var hours in new[] { 2, 4 }) f.Thread(anna, Morning, lane: Lane.Fast).ReplyAfterHours(hours);

        var times = await (await f.QueryAsync<ReplyTimeQuery>()).ForPeriodAsync(Yesterday, T);

        // All five {1,2,3,4,8}: mean 18/5, median 3, p90 rank ⌈4.5⌉ = 5 → 8.
        Assert.Equal((5, 3.6, 3.0, 8.0), (times.Count, times.Mean!.Value, times.Median!.Value, times.P90!.Value), Tolerance);
        // Standard {1,3,8}: mean 4, median 3, p90 rank ⌈2.7⌉ = 3 → 8.
        Assert.Equal(new ReplyHours(3, 4, 3, 8), times.ByLane.Standard);
        // Fast {2,4}: mean 3, median (2+4)/2 = 3, p90 rank ⌈1.8⌉ = 2 → 4.
        Assert.Equal(new ReplyHours(2, 3, 3, 4), times.ByLane.Fast);
    }

    [Theory]
    [InlineData(10, 5.5, 5.5, 9)]   // 1..10 h: median (5+6)/2, p90 rank ⌈9⌉ = 9
    [InlineData(11, 6, 6, 10)]      // 1..11 h: median 6th, p90 rank ⌈9.9⌉ = 10
    public async Task ForPeriod_P90IsNearestRank(int count, double mean, double median, double p90)
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        // Inserted in reverse so the database, not insertion order, does the ordering.
        for (var hours = count; hours >= 1; hours--) f.Thread(anna, Morning).ReplyAfterHours(hours);

        var times = await (await f.QueryAsync<ReplyTimeQuery>()).ForPeriodAsync(Yesterday, T);

        Assert.Equal(new ReplyHours(count, mean, median, p90), times.ByLane.Standard);
    }

    [Fact]
    public async Task ForPeriod_CountsThreadsByFirstReplyInPeriod_NotByCreation()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-17T23:00:00Z")).Reply(At("2026-11-19T01:00:00Z"));    // created before, answered in: 26 h
        f.Thread(anna, Morning).Reply(At("2026-11-19T23:00:00Z"));                        // answered at the period's end: out
        f.Thread(anna, Morning).ReplyAfterHours(2).Reply(At("2026-11-19T03:00:00Z"));     // a later reply does not change the first

        var times = await (await f.QueryAsync<ReplyTimeQuery>()).ForPeriodAsync(Yesterday, T);

        Assert.Equal(new ReplyHours(2, 14, 14, 26), times.ByLane.Standard);
    }

    [Fact]
    public async Task ForPeriod_ReplyAfterT_DoesNotExist()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-20T06:00:00Z")).Reply(T.AddSeconds(-1));   // 3 h − 1 s, before T: counts
        f.Thread(anna, At("2026-11-20T06:00:00Z")).Reply(T.AddSeconds(1));    // a second after T: not yet

        // A period reaching past T, like month to date, is cut at T.
        var times = await (await f.QueryAsync<ReplyTimeQuery>()).ForPeriodAsync(new Period(At("2026-11-19T23:00:00Z"), At("2026-11-21T00:00:00Z")), T);

        var hours = 3 - 1 / 3600.0;
        Assert.Equal(new ReplyHours(1, hours, hours, hours), times.ByLane.Standard);
    }

    [Fact]
    public async Task ForPeriod_NoReplies_AllNull()
    {
        using var f = new MetricsFixture();
        f.Thread(f.Creator("anna"), Morning);

        var times = await (await f.QueryAsync<ReplyTimeQuery>()).ForPeriodAsync(Yesterday, T);

        Assert.Equal(new ReplyTimes(0, null, null, null, new ReplyHoursByLane(ReplyHours.None, ReplyHours.None)), times);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 9)]
    [InlineData(11, 10)]
    [InlineData(20, 18)]
    [InlineData(21, 19)]
    public void NearestRank_Ninety_IsCeilingOfNinePercentTenths(int count, int rank) =>
        Assert.Equal(rank, ReplyTimeQuery.NearestRank(count, 90));

    private static readonly IEqualityComparer<(int, double, double, double)> Tolerance =
        EqualityComparer<(int, double, double, double)>.Create((a, b) =>
            a.Item1 == b.Item1 && Math.Abs(a.Item2 - b.Item2) < 1e-9 && Math.Abs(a.Item3 - b.Item3) < 1e-9 && Math.Abs(a.Item4 - b.Item4) < 1e-9);
}
