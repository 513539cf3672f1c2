using OpsBot.Chat;
using OpsBot.Data;
using static OpsBot.Tests.Metrics.MetricsFixture;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Digest;

/// <summary>T = 2026-11-20T09:00Z; this week = [13 Nov, 20 Nov) in Berlin. Every creator costs €10.00 unless set.</summary>
public sealed class PriceReviewTests
{
    private static void FastLaneReplies(DigestFixture f, Creator creator, double hours)
    {
        for (var i = 0; i < 3; i++) f.Store.Thread(creator, At("2026-11-14T10:00:00Z"), 48, lane: Lane.Fast).ReplyAfterHours(hours);
    }

    private static void MissedThreads(DigestFixture f, Creator creator)
    {
        for (var i = 0; i < 5; i++) f.Store.Thread(creator, At("2026-11-01T00:00:00Z"), 24);   // 5 due in 30 days, none answered
    }

    [Fact]
    public async Task Weekly_PriceReview_ListsSlowFastLaneAndUnreliableAboveMedianPrice()
    {
        using var f = new DigestFixture();
        FastLaneReplies(f, f.Store.Creator("dave"), 30);             // fast lane on, 30 h on average: listed
        FastLaneReplies(f, f.Store.Creator("erin"), 24);             // exactly the 24 h target: not listed
        var frank = f.Store.Creator("frank");                         // slow, but fast lane off: nothing to adjust
        frank.FastLaneEnabled = false;
        FastLaneReplies(f, frank, 30);
        var gina = f.Store.Creator("gina");                           // answer rate 0% at €50.00, above the median €10.00: listed
        gina.StandardPriceMinor = 5000;
        MissedThreads(f, gina);
        var hank = f.Store.Creator("hank");                           // answer rate 0% at €5.00, below the median: not listed
        hank.StandardPriceMinor = 500;
        MissedThreads(f, hank);

        var message = await (await f.MessagesAsync()).WeeklyAsync();

        var table = message.Blocks.OfType<TableBlock>().Single(t => t.Columns.SequenceEqual(["Creator", "Price", "Fast lane", "Why"]));
        Assert.Equal([
            ["dave", "€10.00", "×1.5", "fast-lane replies take 30 h on average"],
            ["gina", "€50.00", "×1.5", "answer rate 0.0% at a price above the median"]], table.Rows);
        Assert.Contains("Listed when the fast lane is on but this week's fast-lane replies took more than 24 h on average (at least 3 of them), " +
            "or when the answer rate over 30 days is under 60.0% and the standard price is above the median of active creators.", MessageText.All(message));
    }

    [Fact]
    public async Task Weekly_PriceReview_NobodyToReview_SaysSo()
    {
        using var f = new DigestFixture();
        FastLaneReplies(f, f.Store.Creator("erin"), 2);

        var message = await (await f.MessagesAsync()).WeeklyAsync();

        Assert.Contains("No price or fast-lane factor needs a look this week.", MessageText.All(message));
        Assert.DoesNotContain(message.Blocks.OfType<TableBlock>(), t => t.Columns.Contains("Price"));
    }
}
