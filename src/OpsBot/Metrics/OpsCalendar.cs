namespace OpsBot.Metrics;

/// <summary>
/// Day and month boundaries in the ops time zone (metrics.md §2). A "day" is midnight to midnight
/// local time, so it lasts 23 or 25 hours on daylight-saving change days.
/// </summary>
public sealed class OpsCalendar(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset StartOfDay(DateTimeOffset t) => LocalMidnight(DateOnly.FromDateTime(ToLocal(t)));

    public DateTimeOffset StartOfMonth(DateTimeOffset t)
    {
        var local = ToLocal(t);
        return LocalMidnight(new DateOnly(local.Year, local.Month, 1));
    }

    /// <summary>Yesterday: [start of T's day − 1 day, start of T's day).</summary>
    public Period Daily(DateTimeOffset t) => DaysBefore(t, 1);

    /// <summary>The 7 days before today.</summary>
    public Period Weekly(DateTimeOffset t) => DaysBefore(t, 7);

    /// <summary>The <paramref name="days"/> local days before T's day.</summary>
    public Period DaysBefore(DateTimeOffset t, int days)
    {
        var today = DateOnly.FromDateTime(ToLocal(t));
        return new Period(LocalMidnight(today.AddDays(-days)), LocalMidnight(today));
    }

    /// <summary>Month to date: [start of T's month, T).</summary>
    public Period MonthToDate(DateTimeOffset t) => new(StartOfMonth(t), t);

    /// <summary>The local calendar day [midnight, next midnight) as instants.</summary>
    public Period Day(DateOnly date) => new(LocalMidnight(date), LocalMidnight(date.AddDays(1)));

    public DateTime ToLocal(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).DateTime;

    public DateTimeOffset ToLocalOffset(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);

    /// <summary>
    /// The instant local midnight begins. Where a zone skips midnight (DST at 00:00), the day begins
    /// at the first local time that exists.
    /// </summary>
    public DateTimeOffset LocalMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // For an ambiguous local time the earlier instant (the larger offset) is the start.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
