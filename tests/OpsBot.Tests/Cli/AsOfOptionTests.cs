using OpsBot.Cli;

namespace OpsBot.Tests.Cli;

public sealed class AsOfOptionTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z")]
    [InlineData("2026-11-20T13:30+05:30", "2026-11-20T08:00:00Z")]           // an offset wins over the ops zone
    [InlineData("2026-11-20T09:00", "2026-11-20T08:00:00Z")]                 // no offset: Berlin wall clock (CET)
    [InlineData("2026-07-01 10:00:00", "2026-07-01T08:00:00Z")]              // summer time (CEST)
    [InlineData("2026-11-20", "2026-11-19T23:00:00Z")]                       // a date: local midnight
    [InlineData("2026-11-20T08:00:00.250Z", "2026-11-20T08:00:00.250Z")]
    public void Parse_IsoTimes_PlacedInTheOpsZoneOnlyWithoutOffset(string text, string expected)
    {
        var instant = AsOfOption.Parse(text)!.In(Berlin);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("11/20/2026")]
    [InlineData("20.11.2026")]
    [InlineData("2026-11-20T25:00")]
    public void Parse_NotIso8601_IsNull(string text) => Assert.Null(AsOfOption.Parse(text));
}
