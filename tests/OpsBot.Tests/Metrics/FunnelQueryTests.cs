using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class FunnelQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    private static readonly Period Yesterday = new(At("2026-11-18T23:00:00Z"), At("2026-11-19T23:00:00Z"));

    [Fact]
    public async Task ForPeriod_CountsEachStepAndRates()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        foreach (var at in new[] { "2026-11-18T23:00:00Z", "2026-11-19T01:00:00Z", "2026-11-19T02:00:00Z", "2026-11-19T22:59:59Z", "2026-11-19T23:00:00Z" })
            f.Visit(anna, At(at));                                                  // the last is at the period's end: out
        foreach (var at in new[] { "2026-11-19T03:00:00Z", "2026-11-19T04:00:00Z", "2026-11-18T22:00:00Z" })
            f.Checkout(anna, At(at));                                               // the last is the day before: out
        f.Thread(anna, At("2026-11-19T05:00:00Z")).ReplyAfterHours(1);             // replied in the period
        f.Thread(anna, At("2026-11-19T06:00:00Z")).Reply(At("2026-11-20T08:00:00Z")); // replied after it, before T: counts
        f.Thread(anna, At("2026-11-19T07:00:00Z")).Reply(T.AddSeconds(1));         // replied after T: not yet

        var funnel = await (await f.QueryAsync<FunnelQuery>()).ForPeriodAsync(Yesterday, T);

        // 4 visits → 2 checkouts → 3 threads → 2 first replies.
        Assert.Equal(new Funnel(4, 2, 3, 2, new FunnelRates(0.5, 1.5, 2.0 / 3)), funnel);
    }

    [Fact]
    public async Task ForPeriod_EmptySteps_RatesNull()
    {
        using var f = new MetricsFixture();
        f.Checkout(f.Creator("anna"), At("2026-11-19T03:00:00Z"));

        var funnel = await (await f.QueryAsync<FunnelQuery>()).ForPeriodAsync(Yesterday, T);

        Assert.Equal(new Funnel(0, 1, 0, 0, new FunnelRates(null, 0, null)), funnel);
    }
}
