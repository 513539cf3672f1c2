using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class RefundQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    private static readonly Period Yesterday = new(At("2026-11-18T23:00:00Z"), At("2026-11-19T23:00:00Z"));

    [Fact]
    public async Task ForPeriod_RefundsIssuedInPeriod_OverThreadsCreatedInIt_ByReason()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-19T01:00:00Z"), amount: 1000).Refund(At("2026-11-19T05:00:00Z"), RefundReason.SlaMiss);
        f.Thread(anna, At("2026-11-19T02:00:00Z"), amount: 2000).Refund(At("2026-11-19T06:00:00Z"), RefundReason.PoorAnswer);
        f.Thread(anna, At("2026-11-19T03:00:00Z"), amount: 4000).Refund(At("2026-11-19T23:00:00Z"));   // at the period's end: out
        f.Thread(anna, At("2026-11-19T04:00:00Z"), amount: 8000);
        f.Thread(anna, At("2026-11-10T04:00:00Z"), amount: 16000).Refund(At("2026-11-19T07:00:00Z"), RefundReason.Other);
        f.OrphanRefund(At("2026-11-19T08:00:00Z"), 32000);

        var refunds = await (await f.QueryAsync<RefundQuery>()).ForPeriodAsync(Yesterday, T);

        // 3 refunds issued (the orphan is not counted) ÷ 4 threads created.
        Assert.Equal((3, 1000L + 2000 + 16000, 4, (double?)0.75), (refunds.Count, refunds.AmountMinor, refunds.ThreadsCreated, refunds.Rate));
        Assert.Equal(new RefundsByReason(SlaMiss: 1, PoorAnswer: 1, Other: 1), refunds.ByReason);
        Assert.Equal(new RefundAmountsByReason(SlaMiss: 1000, PoorAnswer: 2000, Other: 16000), refunds.AmountMinorByReason);
    }

    [Fact]
    public async Task ForPeriod_RefundAfterT_NotCounted_NoThreadsCreated_RateNull()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-01T00:00:00Z")).Refund(T.AddSeconds(-1)).Refund(T.AddSeconds(1), RefundReason.Other);
        var today = new Period(At("2026-11-19T23:00:00Z"), At("2026-11-20T23:00:00Z"));

        var refunds = await (await f.QueryAsync<RefundQuery>()).ForPeriodAsync(today, T);

        Assert.Equal(new RefundSummary(1, 1000, 0, null, new RefundsByReason(1, 0, 0), new RefundAmountsByReason(1000, 0, 0)), refunds);
    }
}
