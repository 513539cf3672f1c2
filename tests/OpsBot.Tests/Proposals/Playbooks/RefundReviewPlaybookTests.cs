using OpsBot.Data;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.Playbooks;

public sealed class RefundReviewPlaybookTests : IAsyncLifetime
{
    private readonly PlaybookHarness store = new();

    public async Task InitializeAsync()
    {
        var anna = store.Data.Creator("anna");
        store.Data.Thread(anna, At("2026-11-17T08:00:00Z"), 24).ReplyAfterHours(2);                 // t01: answered, then disputed
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24).ReplyAfterHours(30);                // t02: review at the deadline, answered after it
        store.Data.Thread(anna, At("2026-11-17T08:00:00Z"), 24).Refund(At("2026-11-19T08:00:00Z")); // t03: refunded meanwhile
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24);                                    // t04: overdue, and asked about
        store.Data.Thread(anna, At("2026-10-01T08:00:00Z"), 24).ReplyAfterHours(2);                 // t05: a review from long ago
        await store.AddAsync(
            Review("t01", "disputed_answer", "Fan disputes the answer after a flag.", "2026-11-18T08:00:00Z"),
            Review("t01", "disputed_answer", "Fan wrote again.", "2026-11-19T08:00:00Z"),
            Review("t02", "creator_requested_extension", null, "2026-11-19T08:00:00Z"),
            Review("t03", "disputed_answer", null, "2026-11-18T08:00:00Z"),
            Review("t04", "creator_requested_extension", "Creator asked for more time.", "2026-11-19T08:00:00Z"),
            Review("t05", "disputed_answer", null, "2026-10-02T08:00:00Z"));
        await store.StartAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private static RefundReview Review(string thread, string reason, string? note, string at) =>
        new() { ThreadId = thread, Reason = reason, Note = note, At = At(at) };

    [Fact]
    public async Task Review_ProposesARefundWithItsNote_OncePerThread_AcrossSweeps()
    {
        await store.SweepAsync();
        await store.SweepAsync();

        var proposals = await store.RefundsAsync();
        Assert.Equal(["t01", "t04"], proposals.Select(p => p.ThreadId));
        Assert.All(proposals, p => Assert.Equal((ProposalKind.Refund, ProposalSource.RefundReview, "refund_review"), (p.Kind, p.Source, p.Reason)));
        Assert.Equal("disputed_answer: Fan wrote again.", proposals[0].Evidence);
    }

    [Fact]
    public async Task OverdueThreadUnderReview_CarriesThePlatformsNote_NotABareMiss()
    {
        await store.SweepAsync();

        var t04 = (await store.RefundsAsync()).Single(p => p.ThreadId == "t04");
        Assert.Equal("creator_requested_extension: Creator asked for more time.", t04.Evidence);
    }

    [Fact]
    public async Task RejectedReview_IsNotProposedAgain()
    {
        await store.SweepAsync();
        foreach (var p in await store.RefundsAsync()) await store.CloseAsync(p.Id, ProposalStatus.Rejected);

        await store.SweepAsync();

        Assert.Equal(2, (await store.RefundsAsync()).Count);
    }

    [Fact]
    public async Task ReviewArrivingAfterADecision_IsProposedAgain_AsANewQuestion()
    {
        await store.SweepAsync();
        var t04 = (await store.RefundsAsync()).Single(p => p.ThreadId == "t04");
        await store.CloseAsync(t04.Id, ProposalStatus.Rejected);
        store.Advance(TimeSpan.FromHours(1));
        await store.AddAsync(Review("t04", "creator_requested_extension", "Fan asked again.", store.Now.ToString("O")));

        await store.SweepAsync();
        await store.SweepAsync();

        var again = (await store.RefundsAsync()).Where(p => p.ThreadId == "t04").ToList();
        Assert.Equal(2, again.Count);
        Assert.Equal((ProposalStatus.Open, "creator_requested_extension: Fan asked again."), (again[1].Status, again[1].Evidence));
    }
}
