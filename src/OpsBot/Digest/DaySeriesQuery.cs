using OpsBot.Metrics;

namespace OpsBot.Digest;

/// <summary>One local day of the week: its GMV, the GMV of the same weekday a week earlier, and its refunds.</summary>
public sealed record DayFigures(DateOnly Date, long GmvMinor, long WeekBeforeGmvMinor, RefundSummary Refunds);

/// <summary>
/// Per-day figures for the weekly charts. Each day is asked as its own period through the metric queries,
/// bounded by local midnights (<see cref="OpsCalendar.Day"/>), so a DST day is 23 or 25 hours long and
/// the days add up to the week exactly.
/// </summary>
public sealed class DaySeriesQuery(OpsCalendar calendar, GmvQuery gmv, RefundQuery refunds)
{
    public async Task<IReadOnlyList<DayFigures>> RunAsync(Period week, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var days = new List<DayFigures>();
        for (var date = DateOnly.FromDateTime(calendar.ToLocal(week.From)); calendar.Day(date).From < week.To; date = date.AddDays(1))
        {
            var day = calendar.Day(date);
            days.Add(new DayFigures(
                date,
                await gmv.GrossAsync(day, asOf, ct: ct),
                await gmv.GrossAsync(calendar.Day(date.AddDays(-7)), asOf, ct: ct),
                await refunds.ForPeriodAsync(day, asOf, ct: ct)));
        }
        return days;
    }
}
