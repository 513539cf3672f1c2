using System.Globalization;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

public sealed class SlackMrkdwnTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static string Render(string template, params object?[] args) =>
        SlackMrkdwn.Render(RichText.Format(CultureInfo.InvariantCulture, template, args));

    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here> <!everyone>", "&lt;!here&gt; &lt;!everyone&gt;")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<#C123>", "&lt;#C123&gt;")]
    [InlineData("<!subteam^S1>", "&lt;!subteam^S1&gt;")]
    [InlineData("<https://x|y>", "&lt;https://x|y&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("&lt;@U1&gt;", "&amp;lt;@U1&amp;gt;")]
    [InlineData("a > b & c < d", "a &gt; b &amp; c &lt; d")]
    public void Render_InjectionInAnArgument_StaysLiteralText(string handle, string expected)
    {
        var mrkdwn = Render("Creator {0}", handle);

        Assert.Equal($"Creator {expected}", mrkdwn);
        Assert.DoesNotContain('<', mrkdwn);
    }

    [Theory]
    [InlineData("*boss*", "\u2217boss\u2217")]
    [InlineData("_anna_", "\u02CDanna\u02CD")]
    [InlineData("~gone~", "\u223Cgone\u223C")]
    [InlineData("`code`", "\u02CBcode\u02CB")]
    [InlineData("```block```", "\u02CB\u02CB\u02CBblock\u02CB\u02CB\u02CB")]
    [InlineData("(*x*)", "(\u2217x\u2217)")]
    [InlineData("anna_b", "anna_b")]
    [InlineData("snake_case_handle", "snake_case_handle")]
    [InlineData("2*3", "2*3")]
    [InlineData("a _b", "a \u02CDb")]
    public void Literal_FormattingMarks_AreNeutralisedWhereTheyCouldFormat(string text, string expected)
    {
        var literal = SlackMrkdwn.Literal(text);

        Assert.Equal(expected, literal);
        Assert.Equal(text.Length, literal.Length);
    }

    [Fact]
    public void Render_Styles_UseSlackMarks()
    {
        Assert.Equal("*bold* _italic_ `code` plain", Render("**bold** _italic_ `code` plain"));
    }

    [Fact]
    public void Render_ArgumentWithMarksInsideBold_IsBoldButNotReformatted()
    {
        Assert.Equal("Hi *\u2217boss\u2217*!", Render("Hi **{0}**!", "*boss*"));
    }

    [Fact]
    public void Render_MidWordMarkInsideItsOwnStyle_CannotEndTheStyle()
    {
        Assert.Equal("*2\u22173 anna_b* _2*3 anna\u02CDb_", Render("**{0}** _{0}_", "2*3 anna_b"));
    }

    [Fact]
    public void Render_NeighbouringSpansOfOneStyle_ShareOnePairOfMarks()
    {
        Assert.Equal("*12 overdue* · 3 ok", Render("**{0} overdue** · {1} ok", 12, 3));
    }

    [Fact]
    public void Render_WhiteSpaceAtTheEdgesOfAStyle_GoesOutsideTheMarks()
    {
        var text = new RichText([new Span("a"), new Span(" b ", SpanStyle.Bold), new Span("c"), new Span("  ", SpanStyle.Italic)]);

        Assert.Equal("a *b* c  ", SlackMrkdwn.Render(text));
    }

    [Fact]
    public void Render_CodeSpan_EscapesAndKeepsBackticksFromEndingIt()
    {
        Assert.Equal("Usage: `/digest &lt;daily|weekly&gt; \u02CBx\u02CB *y*`", Render("Usage: `{0}`", "/digest <daily|weekly> `x` *y*"));
    }

    [Fact]
    public void Render_Time_IsADateTokenEachReaderSeesInTheirZone()
    {
        Assert.Equal("As of <!date^1795165200^{date_short_pretty} {time}|2026-11-20 10:00 +01:00>.",
            Render("As of {0}.", new TimeValue(At, "2026-11-20 10:00 +01:00")));
    }

    [Fact]
    public void Render_TimeFallback_IsEscaped()
    {
        Assert.Equal("<!date^1795165200^{date_short_pretty} {time}|&lt;@U1&gt; &amp;>", Render("{0}", new TimeValue(At, "<@U1> &")));
    }

    [Fact]
    public void Render_BoldTime_WrapsTheWholeToken()
    {
        Assert.Equal("Due *<!date^1795165200^{date_short_pretty} {time}|10:00>*", Render("Due **{0}**", new TimeValue(At, "10:00")));
    }

    [Fact]
    public void Render_TimeInCode_ShowsItsFallback()
    {
        Assert.Equal("`10:00`", Render("`{0}`", new TimeValue(At, "10:00")));
    }

    /// <summary>The contract with the fitter: rendering never adds more than <see cref="MessageLimits.Slack"/>'s markup cost counts.</summary>
    [Fact]
    public void Render_RandomRichText_NeverLongerThanTheFitterCounts()
    {
        var random = new Random(7);
        string[] words = ["*", "_x_", "a*b", "<@U1>", "&amp;", " ", "\n", "`", "~s~", "anna_b", "😀", ">"];
        for (var n = 0; n < 500; n++)
        {
            var spans = Enumerable.Range(0, random.Next(1, 12)).Select(_ => new Span(
                string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => words[random.Next(words.Length)])),
                (SpanStyle)random.Next(4),
                random.Next(4) == 0 ? At.AddMinutes(random.Next(100_000)) : null)).ToList();
            var text = new RichText(spans);

            Assert.True(SlackMrkdwn.Render(text).Length <= MessageLimits.Slack.Markup.Of(text), $"case {n}: {SlackMrkdwn.Render(text)}");
        }
    }
}
