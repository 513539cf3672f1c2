using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class DigestQueryTests
{
    [Fact]
    public async Task Daily_SpringForwardDay_Is23HoursAndCountsThreadAtHalfPastMidnight()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-03-29T00:30:00+01:00"), amount: 1000);   // 00:30 local on the 23-hour day: in it
        f.Thread(anna, At("2026-03-28T23:30:00+01:00"), amount: 2000);   // the evening before: not
        f.Thread(anna, At("2026-03-29T23:30:00+02:00"), amount: 4000);   // 23:30 local, after the clocks went forward: in it
        f.Thread(anna, At("2026-03-30T00:30:00+02:00"), amount: 8000);   // today: not

        var digest = await (await f.QueryAsync<DigestQuery>()).RunAsync(DigestKind.Daily, At("2026-03-30T10:00:00+02:00"));

        Assert.Equal(new Period(At("2026-03-28T23:00:00Z"), At("2026-03-29T22:00:00Z")), digest.Period);
        Assert.Equal(TimeSpan.FromHours(23), digest.Period.Length);
        Assert.Equal((2, 5000L), (digest.Funnel.Threads, digest.Gmv.PeriodMinor));
    }

    [Fact]
    public async Task Daily_FallBackDay_Is25HoursAndCountsThreadAtHalfPastMidnight()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-10-25T00:30:00+02:00"), amount: 1000);   // 00:30 local on the 25-hour day: in it
        f.Thread(anna, At("2026-10-25T02:30:00+02:00"), amount: 2000);   // 02:30 happens twice: the first one
        f.Thread(anna, At("2026-10-25T02:30:00+01:00"), amount: 4000);   // and the second one, both in it
        f.Thread(anna, At("2026-10-26T00:30:00+01:00"), amount: 8000);   // 00:30 the next day: today, not yesterday
        f.Thread(anna, At("2026-10-24T23:59:59+02:00"), amount: 16000);  // the day before: not

        var digest = await (await f.QueryAsync<DigestQuery>()).RunAsync(DigestKind.Daily, At("2026-10-26T10:00:00+01:00"));

        Assert.Equal(new Period(At("2026-10-24T22:00:00Z"), At("2026-10-25T23:00:00Z")), digest.Period);
        Assert.Equal(TimeSpan.FromHours(25), digest.Period.Length);
        Assert.Equal((3, 7000L), (digest.Funnel.Threads, digest.Gmv.PeriodMinor));
    }

    [Fact]
    public async Task Weekly_IsTheSevenLocalDaysBeforeToday_MtdFromStartOfMonth()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        f.Thread(anna, At("2026-11-01T00:00:00+01:00"), amount: 1000);   // first instant of November: MTD, not the week
        f.Thread(anna, At("2026-10-31T23:59:59+01:00"), amount: 2000);   // last second of October: neither
        f.Thread(anna, At("2026-11-13T00:00:00+01:00"), amount: 4000);   // first instant of the week: both
        f.Thread(anna, At("2026-11-20T00:00:00+01:00"), amount: 8000);   // today: MTD only

        var digest = await (await f.QueryAsync<DigestQuery>()).RunAsync(DigestKind.Weekly, At("2026-11-20T10:00:00+01:00"));

        Assert.Equal(new Period(At("2026-11-13T00:00:00+01:00"), At("2026-11-20T00:00:00+01:00")), digest.Period);
        Assert.Equal((4000L, 1000L + 4000 + 8000), (digest.Gmv.PeriodMinor, digest.Gmv.MtdMinor));
        Assert.Equal(("Europe/Berlin", "EUR"), (digest.TimeZone, digest.Gmv.Currency));
    }

    [Fact]
    public async Task Run_WithoutAsOf_UsesTheClock()
    {
        using var f = new MetricsFixture();

        var digest = await (await f.QueryAsync<DigestQuery>()).RunAsync(DigestKind.Daily);

        Assert.Equal(f.Clock.GetUtcNow(), digest.AsOf);
        Assert.Equal(new Period(At("2026-11-18T23:00:00Z"), At("2026-11-19T23:00:00Z")), digest.Period);
    }

    [Fact]
    public async Task Sla_OpenThreadsAsOfT_PeriodFiguresForThePeriod()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna");
        var t = At("2026-11-20T09:00:00Z");
        f.Thread(anna, At("2026-11-19T00:00:00Z"), 12).ReplyAfterHours(2);   // due and answered yesterday, in time: 2 h
        f.Thread(anna, At("2026-11-18T11:00:00Z"), 24);                      // due yesterday, open and overdue
        f.Thread(anna, At("2026-11-20T08:00:00Z"), 24);                      // open, on track

        var sla = (await (await f.QueryAsync<DigestQuery>()).RunAsync(DigestKind.Daily, t)).Sla;

        Assert.Equal((2, 1, (double?)0.5, (double?)0.5, 2), (sla.OpenThreads, sla.OnTrackThreads, sla.OpenOnTrackPct, sla.AnswerRate, sla.DueThreads));
        Assert.Equal((1, (double?)2.0), (sla.ReplyHours.Count, sla.ReplyHours.Median));
    }
}
