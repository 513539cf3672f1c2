using System.Globalization;
using OpsBot.Chat;

namespace OpsBot.Tests.Chat;

public sealed class RichTextTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Format_TemplateMarkup_BecomesStyledSpans()
    {
        var text = RichText.Format(En, "**{0} overdue**, `{1}` left", 3, "2h");

        Assert.Equal([new Span("3", SpanStyle.Bold), new Span(" overdue", SpanStyle.Bold), new Span(", "), new Span("2h", SpanStyle.Code), new Span(" left")], text.Spans);
        Assert.Equal("3 overdue, 2h left", text.ToString());
    }

    [Fact]
    public void Format_ArgumentWithMarkup_StaysLiteral()
    {
        var text = RichText.Format(En, "Creator {0}", "**<@U123>** _x_");

        Assert.Equal([new Span("Creator "), new Span("**<@U123>** _x_")], text.Spans);
    }

    [Fact]
    public void Format_TimeValue_KeepsTheInstantAndItsFallback()
    {
        var at = DateTimeOffset.Parse("2026-11-20T08:00:00Z");

        var text = RichText.Format(En, "due {0}", new TimeValue(at, "2026-11-20 09:00 +01:00"));

        Assert.Equal(new Span("2026-11-20 09:00 +01:00", SpanStyle.Plain, at), text.Spans[1]);
    }

    [Fact]
    public void Format_NumbersUseTheCulture()
    {
        Assert.Equal("1.234,5", RichText.Format(CultureInfo.GetCultureInfo("de"), "{0:#,0.0}", 1234.5).ToString());
    }
}
