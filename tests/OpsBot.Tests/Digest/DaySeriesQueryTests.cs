using OpsBot.Data;
using OpsBot.Digest;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Digest;

public sealed class DaySeriesQueryTests
{
    /// <summary>
    /// T = Wed 28 Oct 2026 10:00 in Berlin: the week is 21–27 Oct, and Sun 25 Oct has 25 hours (02:00–03:00 happens twice).
    /// </summary>
    [Fact]
    public async Task Days_WeekWithFallBack_EachLocalDayFromMidnightToMidnight()
    {
        using var f = new DigestFixture();
        var anna = f.Store.Creator("anna");
        f.Store.Thread(anna, At("2026-10-24T23:30:00+02:00"), amount: 4000);   // Sat, half an hour before the long day
        f.Store.Thread(anna, At("2026-10-25T00:30:00+02:00"), amount: 1000);   // Sun 00:30: the long day's first hour
        f.Store.Thread(anna, At("2026-10-25T23:30:00+01:00"), amount: 2000)    // Sun 23:30, its 25th hour
            .Refund(At("2026-10-25T23:45:00+01:00"), RefundReason.Other);
        f.Store.Thread(anna, At("2026-10-26T00:30:00+01:00"), amount: 8000);   // Mon
        f.Store.Thread(anna, At("2026-10-18T12:00:00+02:00"), amount: 16000);  // Sun a week before
        var asOf = At("2026-10-28T10:00:00+01:00");
        var calendar = await f.GetAsync<OpsCalendar>();
        var week = calendar.Weekly(asOf);

        var days = await (await f.GetAsync<DaySeriesQuery>()).RunAsync(week, asOf);

        Assert.Equal(Enumerable.Range(21, 7).Select(d => new DateOnly(2026, 10, d)), days.Select(d => d.Date));
        var byDate = days.ToDictionary(d => d.Date.Day);
        Assert.Equal((4000L, 0L), (byDate[24].GmvMinor, byDate[24].WeekBeforeGmvMinor));
        Assert.Equal((3000L, 16000L), (byDate[25].GmvMinor, byDate[25].WeekBeforeGmvMinor));
        Assert.Equal((1, 2, (double?)0.5), (byDate[25].Refunds.ByReason.Other, byDate[25].Refunds.ThreadsCreated, byDate[25].Refunds.Rate));
        Assert.Equal(8000L, byDate[26].GmvMinor);
        // The days tile the week: their sum is the week's GMV.
        Assert.Equal((await (await f.GetAsync<GmvQuery>()).ForPeriodAsync(week, asOf)).GrossMinor, days.Sum(d => d.GmvMinor));
    }

    [Fact]
    public async Task Days_WeekWithSpringForward_TheShortDayKeepsItsLastHour()
    {
        using var f = new DigestFixture();
        var anna = f.Store.Creator("anna");
        f.Store.Thread(anna, At("2026-03-29T23:30:00+02:00"), amount: 1000);   // Sun 29 Mar (23 hours), its last half hour
        f.Store.Thread(anna, At("2026-03-30T00:00:00+02:00"), amount: 2000);   // Mon, first instant
        var asOf = At("2026-04-01T10:00:00+02:00");

        var days = await (await f.GetAsync<DaySeriesQuery>()).RunAsync((await f.GetAsync<OpsCalendar>()).Weekly(asOf), asOf);

        Assert.Equal((1000L, 2000L), (days.Single(d => d.Date.Day == 29).GmvMinor, days.Single(d => d.Date.Day == 30).GmvMinor));
    }
}
