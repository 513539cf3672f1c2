using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class SlaQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    // Yesterday in Berlin (UTC+1 in November): 2026-11-19 00:00 local = 2026-11-18T23:00Z.
    private static readonly Period Yesterday = new(At("2026-11-18T23:00:00Z"), At("2026-11-19T23:00:00Z"));

    [Fact]
    public async Task Open_CountsOnTrackWithDeadlineAtOrAfterT()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-19T08:00:00Z"), 24);      // due 08:00Z: overdue
        f.Thread(anna, At("2026-11-19T09:00:00Z"), 24);      // due exactly at T: remaining 0, on track
        f.Thread(anna, At("2026-11-20T08:00:00Z"), 24);      // due tomorrow: on track
        f.Thread(anna, At("2026-11-19T09:00:00Z")).ReplyAfterHours(1);

        var open = await (await f.QueryAsync<SlaQuery>()).OpenAsync(T);

        Assert.Equal(new OpenThreads(3, 2, 2.0 / 3, At("2026-11-20T08:00:00Z")), open);
    }

    [Fact]
    public async Task Open_NoOpenThreads_ShareIsNull()
    {
        using var f = new MetricsFixture();
        f.Thread(f.Creator("anna"), At("2026-11-19T09:00:00Z")).ReplyAfterHours(1);

        var open = await (await f.QueryAsync<SlaQuery>()).OpenAsync(T);

        Assert.Equal(new OpenThreads(0, 0, null, null), open);
    }

    [Fact]
    public async Task AnswerRate_ThreadsDueInPeriod_ReplyAtDeadlineCounts()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-18T10:00:00Z"), 24).Reply(At("2026-11-19T10:00:00Z"));              // reply at the deadline: in time
        f.Thread(anna, At("2026-11-18T12:00:00Z"), 24).Reply(At("2026-11-19T12:00:01Z"));              // 1 s late
        f.Thread(anna, At("2026-11-18T22:59:59Z"), 24);                                               // due 23:59:59 local, never answered
        f.Thread(anna, At("2026-11-18T23:00:00Z"), 24).ReplyAfterHours(1);                            // due at the period's end: not in it
        f.Thread(anna, At("2026-11-17T22:59:59Z"), 24).ReplyAfterHours(1);                            // due the day before

        var rate = await (await f.QueryAsync<SlaQuery>()).AnswerRateAsync(Yesterday, T);

        Assert.Equal(new AnswerRate(3, 1, 1.0 / 3), rate);
    }

    [Fact]
    public async Task AnswerRate_NoneDue_IsNull()
    {
        using var f = new MetricsFixture();
        f.Thread(f.Creator("anna"), At("2026-11-10T10:00:00Z"), 24);

        var rate = await (await f.QueryAsync<SlaQuery>()).AnswerRateAsync(Yesterday, T);

        Assert.Equal(new AnswerRate(0, 0, null), rate);
    }
}
