using OpsBot.Formatting;

namespace OpsBot.Tests.Formatting;

public sealed class OpsFormatTests
{
    private static OpsFormat For(string culture = "en", string currency = "EUR", string zone = "Europe/Berlin") =>
        new(new OpsBotOptions { Culture = culture, Currency = currency, TimeZone = zone });

    [Theory]
    [InlineData("en", "EUR", 2999, "€29.99")]
    [InlineData("de", "EUR", 123_456, "1.234,56 €")]
    [InlineData("en", "EUR", -2999, "-€29.99")]
    [InlineData("en", "USD", 100_000, "$1,000.00")]
    [InlineData("de", "CHF", 2999, "29,99 CHF")]
    [InlineData("en", "JPY", 2999, "JPY 2,999")]   // no minor unit; no English-speaking region uses yen, so its code
    [InlineData("en", "KWD", 2999, "KWD 2.999")]   // three decimals
    [InlineData("en", "CHF", -2999, "-CHF 29.99")]
    public void Money_MinorUnitsInTheCurrencysExponent_InTheOpsCulture(string culture, string currency, long minor, string expected) =>
        Assert.Equal(expected, For(culture, currency).Money(minor).Replace('\u00A0', ' '));

    [Theory]
    [InlineData("en", 3 * 3_600_000L + 20 * 60_000, "3 hours, 20 minutes")]
    [InlineData("en", 3 * 3_600_000L + 20_000, "3 hours")]                     // an empty minutes unit still counts toward the two
    [InlineData("en", -3_600_000L, "overdue by 1 hour")]
    [InlineData("en", 0L, "0 seconds")]
    [InlineData("de", 47 * 3_600_000L, "1 Tag, 23 Stunden")]
    [InlineData("de", -90 * 60_000L, "seit 1 Stunde, 30 Minuten überfällig")]
    public void TimeLeft_HumanizedToTwoUnits_NegativeIsOverdue(string culture, long remainingMs, string expected) =>
        Assert.Equal(expected, For(culture).TimeLeft(remainingMs));

    [Fact]
    public void Time_IsTheOpsWallClockWithItsOffset_AcrossDst()
    {
        var format = For();

        Assert.Equal("2026-03-29 01:59 +01:00", format.Time(DateTimeOffset.Parse("2026-03-29T00:59:00Z")));
        Assert.Equal("2026-03-29 03:00 +02:00", format.Time(DateTimeOffset.Parse("2026-03-29T01:00:00Z")));
    }

    [Theory]
    [InlineData("en", "n/a")]
    [InlineData("de", "k. A.")]
    public void PercentAndHours_Null_IsNotAvailableInTheCulture(string culture, string expected)
    {
        var format = For(culture);

        Assert.Equal((expected, expected, expected), (format.NotAvailable, format.Percent(null), format.Hours(null)));
    }

    [Fact]
    public void PercentAndHours_ValuesInTheCulture()
    {
        Assert.Equal(("87.5%", "3.5 h"), (For().Percent(0.875), For().Hours(3.46)));
        Assert.Equal(("87,5 %", "1.234,5 h"), (For("de").Percent(0.875).Replace('\u00A0', ' '), For("de").Hours(1234.5)));
    }

    [Fact]
    public void Resx_EnglishAndGerman_HaveTheSameKeys() => ResxKeys.AssertSameInEnglishAndGerman(FormatText.Resources);

    [Fact]
    public void Culture_OtherThanEnOrDe_IsRejectedByName() =>
        Assert.Contains("OpsBot:Culture 'fr'", Assert.Throws<InvalidOperationException>(() => For("fr")).Message);
}
