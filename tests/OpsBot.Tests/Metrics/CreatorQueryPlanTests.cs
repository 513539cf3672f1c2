using OpsBot.Data;
using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

/// <summary>
/// One creator's card must not walk the creator's whole history (600 ms for a creator with 37k threads
/// at 1M threads). SQLite has no statistics, so its plan depends only on the schema and the SQL shape:
/// an empty store gives the plan production gets.
/// </summary>
public sealed class CreatorQueryPlanTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    private const string Anna = "c_anna";
    private const string HistoryIndex = "IX_Threads_CreatorId_CreatedAt";

    [Fact]
    public async Task OpenThreads_OfOneCreator_SeekTheCreatorsOpenRanges_NotTheirHistory()
    {
        using var f = new MetricsFixture();
        var db = await f.QueryAsync<OpsDbContext>();

        // What the card's open count (SlaQuery.OpenAsync) reads of each open thread.
        var plan = await QueryPlan.ExplainAsync(db.Threads.OpenAsOf(T).OfCreator(Anna).Select(t => t.DeadlineAt));

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_Threads_CreatorId_ClosedAt_CreatedAt_DeadlineAt (CreatorId=? AND ClosedAt=? AND CreatedAt<?)"));
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_Threads_CreatorId_ClosedAt_CreatedAt_DeadlineAt (CreatorId=? AND ClosedAt>?)"));
        AssertNoHistoryWalk(plan);
    }

    [Fact]
    public async Task RefundsIssued_OfOneCreator_WalkOnlyTheirRefundedThreads()
    {
        using var f = new MetricsFixture();
        var db = await f.QueryAsync<OpsDbContext>();

        var plan = await QueryPlan.ExplainAsync(db.KnownRefundsIn(CreatorWindow.Of(T), T, Anna));

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Threads_CreatorId_RefundedAt (CreatorId=? AND RefundedAt>? AND RefundedAt<?)"));
        AssertNoHistoryWalk(plan);
    }

    [Fact]
    public async Task DueAndFirstAnswered_OfOneCreator_SeekThePeriodInCoveringIndexes()
    {
        using var f = new MetricsFixture();
        var db = await f.QueryAsync<OpsDbContext>();
        var window = CreatorWindow.Of(T);

        var due = await QueryPlan.ExplainAsync(db.Threads.DueIn(window).OfCreator(Anna).Select(t => t.FirstReplyAt));
        var answered = await QueryPlan.ExplainAsync(db.Threads.FirstAnsweredIn(window).OfCreator(Anna).Select(t => new { t.Lane, t.ReplyMs, t.AllowedMs }));

        Assert.Contains(due, step => step.Contains("USING COVERING INDEX IX_Threads_CreatorId_DeadlineAt_FirstReplyAt (CreatorId=? AND DeadlineAt>? AND DeadlineAt<?)"));
        Assert.Contains(answered, step => step.Contains("USING COVERING INDEX IX_Threads_CreatorId_FirstReplyAt_Lane_ReplyMs_AllowedMs (CreatorId=? AND FirstReplyAt>? AND FirstReplyAt<?)"));
    }

    private static void AssertNoHistoryWalk(List<string> plan)
    {
        Assert.DoesNotContain(plan, step => step.Contains(HistoryIndex));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN t"));
    }
}
