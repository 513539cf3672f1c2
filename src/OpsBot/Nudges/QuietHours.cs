namespace OpsBot.Nudges;

/// <summary>
/// When creators are left alone (<c>Nudges:QuietHours</c>), as wall-clock times in the creator's zone: from
/// <see cref="Start"/> to <see cref="End"/>, across midnight when Start is later than End. Equal times: no quiet hours.
/// </summary>
public sealed class QuietHours
{
    public TimeOnly Start { get; set; } = new(22, 0);
    public TimeOnly End { get; set; } = new(8, 0);

    /// <summary>The instant the quiet hours around <paramref name="now"/> end in <paramref name="zone"/>, or null when <paramref name="now"/> is not in them.</summary>
    public DateTimeOffset? EndOf(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (Start == End) return null;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var acrossMidnight = Start > End;
        var quiet = acrossMidnight ? time >= Start || time < End : time >= Start && time < End;
        if (!quiet) return null;
        // Across midnight and already past the start: they end tomorrow morning.
        var endDay = acrossMidnight && time >= Start ? local.Date.AddDays(1) : local.Date;
        return Instant(endDay + End.ToTimeSpan(), zone);
    }

    /// <summary>
    /// A local wall-clock time as an instant. A time the spring-forward skips is reached when the clocks jump
    /// (02:30 on that night ends at 03:00); a time the fall-back repeats counts at its first occurrence.
    /// </summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }
}
