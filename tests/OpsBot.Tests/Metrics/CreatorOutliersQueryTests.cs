using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class CreatorOutliersQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    private static readonly DateTimeOffset InWindow = At("2026-11-10T00:00:00Z");   // window: [2026-10-21T09:00Z, T)

    /// <summary>MinSample 5, MinAnswerRate 0.6 (the defaults).</summary>
    private static MetricsFixture Build()
    {
        var f = new MetricsFixture();
        // slow: 5 due, 2 in time (1 h of 24), 3 late (30 h): rate 0.4 → answer_rate; mean reply (2 + 90)/5 = 18.4 h < 24 h.
        var slow = f.Creator("slow");
        for (var i = 0; i < 2; i++) f.Thread(slow, InWindow, 24).ReplyAfterHours(1);
        for (var i = 0; i < 3; i++) f.Thread(slow, InWindow, 24).ReplyAfterHours(30);
        // borderline: 5 due, 3 in time: exactly 60% is not below 60%.
        var borderline = f.Creator("borderline");
        for (var i = 0; i < 3; i++) f.Thread(borderline, InWindow, 24).ReplyAfterHours(1);
        for (var i = 0; i < 2; i++) f.Thread(borderline, InWindow, 24);
        // few: 4 due, none answered: below MinSample.
        var few = f.Creator("few");
        for (var i = 0; i < 4; i++) f.Thread(few, InWindow, 24);
        // late: 4 answered in 9 h of 10, one in 100 h: rate 0.8, mean reply (36 + 100)/5 = 27.2 h > mean allowed 10 h → reply_time.
        var late = f.Creator("late");
        for (var i = 0; i < 4; i++) f.Thread(late, InWindow, 10).ReplyAfterHours(9);
        f.Thread(late, InWindow, 10).ReplyAfterHours(100);
        // quiet: due before the window, answered 240 h after creation inside it → reply_time; nothing due → answerRate null.
        var quiet = f.Creator("quiet");
        for (var i = 0; i < 5; i++) f.Thread(quiet, At("2026-10-15T00:00:00Z"), 24).ReplyAfterHours(240);
        // fourslow: the same with 4 threads: below MinSample.
        var fourslow = f.Creator("fourslow");
        for (var i = 0; i < 4; i++) f.Thread(fourslow, At("2026-10-15T00:00:00Z"), 24).ReplyAfterHours(240);
        // silent: 5 due, none answered → answer_rate; no reply → meanReplyHours null.
        var silent = f.Creator("silent");
        for (var i = 0; i < 5; i++) f.Thread(silent, InWindow, 24);
        return f;
    }

    [Fact]
    public async Task Find_FlagsByAnswerRateAndReplyTime_WithSampleBoundaries()
    {
        using var f = Build();

        var outliers = await (await f.QueryAsync<CreatorOutliersQuery>()).FindAsync(T);

        Assert.Equal(["late", "quiet", "silent", "slow"], outliers.Select(o => o.Handle));
        AssertOutlier(outliers[0], 0.8, 27.2, [OutlierReason.ReplyTime], due: 5, answered: 5, allowed: 10);
        AssertOutlier(outliers[1], null, 240, [OutlierReason.ReplyTime], due: 0, answered: 5, allowed: 24);
        AssertOutlier(outliers[2], 0, null, [OutlierReason.AnswerRate], due: 5, answered: 0, allowed: null);
        AssertOutlier(outliers[3], 0.4, 18.4, [OutlierReason.AnswerRate], due: 5, answered: 5, allowed: 24);
    }

    [Fact]
    public async Task Find_MinSampleFromOptions_FlagsSmallerSamples()
    {
        using var f = Build();
        f.Options.Outliers.MinSample = 4;

        var outliers = await (await f.QueryAsync<CreatorOutliersQuery>()).FindAsync(T);

        Assert.Equal(["few", "fourslow", "late", "quiet", "silent", "slow"], outliers.Select(o => o.Handle));
    }

    [Fact]
    public async Task Find_OneCreator_OnlyThatCreator()
    {
        using var f = Build();
        var query = await f.QueryAsync<CreatorOutliersQuery>();

        Assert.Equal("slow", Assert.Single(await query.FindAsync(T, "c_slow")).Handle);
        Assert.Empty(await query.FindAsync(T, "c_borderline"));
    }

    [Fact]
    public async Task FiguresOf_CreatorNotFlagged_GivesTheirFiguresWithoutReasons_UnknownGivesNull()
    {
        using var f = Build();
        var query = await f.QueryAsync<CreatorOutliersQuery>();

        var borderline = await query.FiguresOfAsync(T, "c_borderline");
        var slow = await query.FiguresOfAsync(T, "c_slow");

        Assert.Equal(("c_borderline", "borderline"), (borderline!.CreatorId, borderline.Handle));
        AssertOutlier(borderline, 0.6, 1, [], due: 5, answered: 3, allowed: 24);
        AssertOutlier(slow!, 0.4, 18.4, [OutlierReason.AnswerRate], due: 5, answered: 5, allowed: 24);
        Assert.Null(await query.FiguresOfAsync(T, "c_nobody"));
    }

    private static void AssertOutlier(CreatorOutlier o, double? rate, double? replyHours, OutlierReason[] reasons, int due, int answered, double? allowed)
    {
        Assert.Equal(rate, o.AnswerRate);
        Assert.Equal(replyHours is null, o.MeanReplyHours is null);
        if (replyHours is not null) Assert.Equal(replyHours.Value, o.MeanReplyHours!.Value, 9);
        Assert.Equal(reasons, o.Reasons);
        Assert.Equal((due, answered, allowed), (o.DueThreads, o.AnsweredThreads, o.MeanAllowedHours));
    }
}
