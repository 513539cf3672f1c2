using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class CreatorCardQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");   // window [2026-10-21T09:00Z, T), month from 2026-10-31T23:00Z

    private static MetricsFixture Build()
    {
        var f = new MetricsFixture();
        var anna = f.Creator("anna", referralCode: "ANNA", referredBy: "ZED");
        f.Creator("bob", referredBy: "ANNA", joinedAt: At("2026-10-01T00:00:00Z"));
        f.Creator("carl", referredBy: "ANNA", joinedAt: T.AddSeconds(1));                 // joins after T
        f.Thread(anna, At("2026-11-20T08:00:00Z"), 24);                                    // open, on track
        f.Thread(anna, At("2026-11-18T00:00:00Z"), 24);                                    // open, overdue since 11-19 00:00Z: the nearest deadline
        foreach (var hours in new[] { 2, 4, 6 }) f.Thread(anna, At("2026-11-10T00:00:00Z"), 24).ReplyAfterHours(hours);
        f.Thread(anna, At("2026-11-11T00:00:00Z"), 24).ReplyAfterHours(30)                 // late
            .Flag(At("2026-11-12T07:00:00Z"))
            .Refund(At("2026-11-12T08:00:00Z"), RefundReason.PoorAnswer);
        f.Thread(anna, At("2026-10-01T00:00:00Z"), 24).ReplyAfterHours(1)                  // before the window and the month
            .Flag(At("2026-10-02T00:00:00Z"));
        f.Thread(f.Creator("dora"), At("2026-11-19T00:00:00Z"), 24);                       // someone else's
        return f;
    }

    [Fact]
    public async Task Run_KnownHandle_ProfileOpenThreadsAndThirtyDayFigures()
    {
        using var f = Build();

        var card = (await (await f.QueryAsync<CreatorCardQuery>()).RunAsync("Anna", T))!;

        Assert.Equal(new Period(At("2026-10-21T09:00:00Z"), T), card.Window);
        Assert.Equal(("anna", CheckoutStatus.Active, 1000L, 1.5m, "ANNA", "ZED"),
            (card.Profile.Handle, card.Profile.Status, card.Profile.StandardPriceMinor, card.Profile.FastLaneFactor, card.Profile.ReferralCode, card.Profile.ReferredByCode));
        Assert.Equal(new OpenThreads(2, 1, 0.5, At("2026-11-19T00:00:00Z")), card.Open);
        // Due in the window: the overdue one, three in time, the late one → 3 of 5.
        Assert.Equal(new AnswerRate(5, 3, 0.6), card.AnswerRate);
        // First replies in the window {2, 4, 6, 30} h: mean 10.5, median (4+6)/2 = 5, p90 rank ⌈3.6⌉ = 4 → 30.
        Assert.Equal((4, (double?)10.5, (double?)5, (double?)30), (card.ReplyHours.Count, card.ReplyHours.Mean, card.ReplyHours.Median, card.ReplyHours.P90));
        // November: six threads of 1000; October's is not month to date.
        Assert.Equal(6000, card.GmvMtdMinor);
        // One refund in the window over six threads created in it.
        Assert.Equal(new RefundSummary(1, 1000, 6, 1.0 / 6, new RefundsByReason(0, 1, 0), new RefundAmountsByReason(0, 1000, 0)), card.Refunds);
        Assert.Equal(1, card.MessageFlags);
        Assert.Equal(["bob"], card.ReferredCreators);
        Assert.Null(card.Outlier);          // exactly 60% answered, 4 replies < MinSample
        Assert.Null(card.HighRefundRate);   // 6 threads < 10
    }

    [Fact]
    public async Task Run_Outlier_IsMarkedOnTheCard()
    {
        using var f = Build();
        var silent = f.Creator("silent");
        for (var i = 0; i < 5; i++) f.Thread(silent, At("2026-11-10T00:00:00Z"), 24);

        var card = (await (await f.QueryAsync<CreatorCardQuery>()).RunAsync("@silent", T))!;

        Assert.Equal([OutlierReason.AnswerRate], card.Outlier!.Reasons);
        Assert.Equal(0, card.Outlier.AnswerRate);
    }

    [Fact]
    public async Task Run_UnknownHandle_NullAndSuggestions()
    {
        using var f = Build();

        Assert.Null(await (await f.QueryAsync<CreatorCardQuery>()).RunAsync("anan", T));
        var lookup = await f.QueryAsync<CreatorLookup>();
        Assert.Equal(["anna"], await lookup.SuggestHandlesAsync("anan"));   // two substitutions
        Assert.Equal(["bob"], await lookup.SuggestHandlesAsync("@BOBB"));
        Assert.Empty(await lookup.SuggestHandlesAsync("xavier"));
    }

    [Theory]
    [InlineData("anna", "anna", 0)]
    [InlineData("anna", "anan", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "bob", 3)]
    public void EditDistance_IsLevenshtein(string a, string b, int distance) =>
        Assert.Equal(distance, CreatorLookup.EditDistance(a, b));
}
