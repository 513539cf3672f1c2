using System.Globalization;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;

namespace OpsBot.Tests.Chat.Rendering;

public sealed class TextCutterTests
{
    private static readonly MarkupCost Slack = MessageLimits.Slack.Markup;

    [Fact]
    public void Cut_TextThatFits_IsTheSameInstance()
    {
        var text = RichText.Plain("anna has 3 threads");

        Assert.Same(text, TextCutter.Cut(text, 18, Slack));
    }

    [Fact]
    public void Cut_InsideAWord_BacksOffToTheWordBoundary()
    {
        Assert.Equal("refund the…", TextCutter.Cut("refund the thread today", 14, Slack));
    }

    [Fact]
    public void Cut_JustBeforeASpace_KeepsTheWholeWordAndDropsTrailingSeparators()
    {
        Assert.Equal("anna, bob…", TextCutter.Cut("anna, bob, carla", 11, Slack));
    }

    [Fact]
    public void Cut_OneLongWord_IsCutHard()
    {
        Assert.Equal("abcdefghi…", TextCutter.Cut("abcdefghijklmnopqrstuvwxyz", 10, Slack));
    }

    [Fact]
    public void Cut_NearestWordBoundaryTooFarBack_IsIgnored()
    {
        Assert.Equal("a bcdefghijklm…", TextCutter.Cut("a bcdefghijklmnopqrstuvwxyz", 15, Slack));
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        Assert.Equal("ab…", TextCutter.Cut("ab😀cd", 4, MarkupCost.None));
    }

    [Fact]
    public void Cut_TimeTokenThatDoesNotFit_IsDroppedWholeAndMarkupIsCounted()
    {
        var at = DateTimeOffset.Parse("2026-11-20T08:00:00Z", CultureInfo.InvariantCulture);
        var text = RichText.Format(CultureInfo.InvariantCulture, "**due** {0} for anna", new TimeValue(at, "20 Nov 09:00"));

        // "due" in bold costs 3 + 2, the space 1, the time 12 + 60 on Slack: only the first two fit in 40.
        var cut = TextCutter.Cut(text, 40, Slack);

        Assert.Equal([new Span("due", SpanStyle.Bold), new Span("…")], cut.Spans);
    }

    [Fact]
    public void Cut_EscapedCharacters_CountAsTheirEscapes()
    {
        // On Slack "<" becomes "&lt;": 4 characters each.
        Assert.Equal("a<b…", TextCutter.Cut("a<b<c<d", 11, Slack));
    }
}
