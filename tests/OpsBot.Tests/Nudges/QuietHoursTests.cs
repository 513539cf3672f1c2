using OpsBot.Nudges;

namespace OpsBot.Tests.Nudges;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly QuietHours Default = new();

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc);

    [Theory]
    [InlineData("2026-11-20T21:30:00Z", "2026-11-21T07:00:00Z")] // 22:30: across midnight, ends tomorrow 08:00
    [InlineData("2026-11-21T05:00:00Z", "2026-11-21T07:00:00Z")] // 06:00: ends this morning
    [InlineData("2026-11-20T21:00:00Z", "2026-11-21T07:00:00Z")] // 22:00 sharp is quiet
    public void InQuietHours_EndAtEightLocal(string now, string end) => Assert.Equal(At(end), Default.EndOf(At(now), Berlin));

    [Theory]
    [InlineData("2026-11-20T07:00:00Z")] // 08:00 sharp is not
    [InlineData("2026-11-20T20:59:00Z")] // 21:59
    [InlineData("2026-11-20T12:00:00Z")]
    public void OutsideQuietHours_Null(string now) => Assert.Null(Default.EndOf(At(now), Berlin));

    [Fact]
    public void SpringForwardMorning_EightIsAnHourEarlierInUtc()
    {
        // 2027-03-28: clocks go from 02:00 to 03:00. 05:30Z is 07:30 CEST: still quiet, ending at 08:00 CEST = 06:00Z.
        Assert.Equal(At("2027-03-28T06:00:00Z"), Default.EndOf(At("2027-03-28T05:30:00Z"), Berlin));
        Assert.Null(Default.EndOf(At("2027-03-28T06:00:00Z"), Berlin));
    }

    [Fact]
    public void FallBackMorning_EightIsAnHourLaterInUtc()
    {
        // 2026-10-25: clocks go from 03:00 back to 02:00. 06:30Z is 07:30 CET, quiet until 08:00 CET = 07:00Z.
        Assert.Equal(At("2026-10-25T07:00:00Z"), Default.EndOf(At("2026-10-25T06:30:00Z"), Berlin));
    }

    [Fact]
    public void EndInTheSkippedHour_EndsWhenTheClocksJump()
    {
        var quiet = new QuietHours { Start = new TimeOnly(22, 0), End = new TimeOnly(2, 30) };
        // 01:30 CET; 02:30 never happens that night, the clocks jump at 01:00Z.
        Assert.Equal(At("2027-03-28T01:00:00Z"), quiet.EndOf(At("2027-03-28T00:30:00Z"), Berlin));
    }

    [Fact]
    public void EndInTheRepeatedHour_EndsAtItsFirstOccurrence()
    {
        var quiet = new QuietHours { Start = new TimeOnly(22, 0), End = new TimeOnly(2, 30) };
        // 02:30 happens twice on 2026-10-25: first at 00:30Z (CEST), then 01:30Z (CET).
        Assert.Equal(At("2026-10-25T00:30:00Z"), quiet.EndOf(At("2026-10-24T23:00:00Z"), Berlin));
    }

    [Fact]
    public void SameDayWindow_AndEqualTimes()
    {
        var lunch = new QuietHours { Start = new TimeOnly(12, 0), End = new TimeOnly(14, 0) };
        Assert.Equal(At("2026-11-20T13:00:00Z"), lunch.EndOf(At("2026-11-20T11:30:00Z"), Berlin));
        Assert.Null(lunch.EndOf(At("2026-11-20T21:30:00Z"), Berlin));
        var none = new QuietHours { Start = new TimeOnly(22, 0), End = new TimeOnly(22, 0) };
        Assert.Null(none.EndOf(At("2026-11-20T21:30:00Z"), Berlin));
    }
}
