using OpsBot.Data;
using OpsBot.Proposals;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.Playbooks;

public sealed class SlaMissPlaybookTests : IAsyncLifetime
{
    private readonly PlaybookHarness store = new();

    public async Task InitializeAsync()
    {
        var anna = store.Data.Creator("anna");
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 48, amount: 2999);                     // t01: due 11-20T08:00Z, 1 h overdue
        store.Data.Thread(anna, At("2026-11-19T08:00:00Z"), 48);                                   // t02: due tomorrow
        store.Data.Thread(anna, At("2026-11-17T08:00:00Z"), 24).ReplyAfterHours(30);               // t03: answered late
        store.Data.Thread(anna, At("2026-11-17T08:00:00Z"), 24).Refund(At("2026-11-18T09:00:00Z")); // t04: refunded
        await store.StartAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task OverdueThread_IsProposedForRefundOnce_AcrossRepeatedSweeps()
    {
        await store.SweepAsync();
        await store.SweepAsync();

        var p = Assert.Single(await store.RefundsAsync());
        Assert.Equal((ProposalKind.Refund, ProposalSource.SlaMiss, "sla_miss", "t01", 2999L, "opsbot"),
            (p.Kind, p.Source, p.Reason, p.ThreadId, p.AmountMinor!.Value, p.RequestedBy));
        Assert.Equal("deadline 2026-11-20 09:00 +01:00, 1 hour overdue", p.Evidence);
        Assert.Single(await store.OutboxAsync(), m => m.Key == ProposalBook.CardKey(p.Id));
    }

    [Theory]
    [InlineData(ProposalStatus.Rejected)]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Superseded)]
    public async Task DecidedCase_IsNotProposedAgain(ProposalStatus decision)
    {
        await store.SweepAsync();
        await store.CloseAsync((await store.RefundsAsync()).Single().Id, decision);

        await store.SweepAsync();

        Assert.Equal([decision], (await store.RefundsAsync()).Select(p => p.Status));
    }

    /// <summary>
    /// t02 is due 11-21 08:00Z. On 11-20 the platform asks for a review and the approver rejects the refund to give the
    /// creator time; the creator never answers. That decision was about a thread with time left, not about the miss.
    /// </summary>
    [Fact]
    public async Task RefundRejectedBeforeTheDeadline_DoesNotAnswerTheMiss_WhichIsProposedAfterIt_Once()
    {
        await store.AddAsync(new RefundReview { ThreadId = "t02", Reason = "creator_requested_extension", Note = "Creator asked for more time.", At = At("2026-11-20T08:30:00Z") });
        await store.SweepAsync();
        await store.CloseAsync((await store.RefundsAsync()).Single(p => p.ThreadId == "t02").Id, ProposalStatus.Rejected);

        store.Advance(TimeSpan.FromHours(48));   // 11-22 09:00Z: 25 hours overdue
        await store.SweepAsync();

        var t02 = (await store.RefundsAsync()).Where(p => p.ThreadId == "t02").ToList();
        Assert.Equal([(ProposalStatus.Rejected, ProposalSource.RefundReview, "refund_review"), (ProposalStatus.Open, ProposalSource.SlaMiss, "sla_miss")],
            t02.Select(p => (p.Status, p.Source, p.Reason)));
        Assert.Equal("deadline 2026-11-21 09:00 +01:00, 1 day, 1 hour overdue", t02[1].Evidence);

        // Rejected after the deadline, the miss is answered: later sweeps leave it decided.
        await store.CloseAsync(t02[1].Id, ProposalStatus.Rejected);
        store.Advance(TimeSpan.FromHours(1));
        await store.SweepAsync();

        Assert.Equal(2, (await store.RefundsAsync()).Count(p => p.ThreadId == "t02"));
    }

    [Fact]
    public async Task RefundRejectedAfterTheDeadline_AnswersTheMiss_WhoeverProposedIt()
    {
        store.Advance(TimeSpan.FromHours(24));   // 11-21 09:00Z: t02 is 1 hour overdue
        await store.AddAsync(new RefundReview { ThreadId = "t02", Reason = "creator_requested_extension", Note = null, At = store.Now });
        await store.SweepAsync();
        var review = (await store.RefundsAsync()).Single(p => p.ThreadId == "t02");
        Assert.Equal(ProposalSource.RefundReview, review.Source);
        await store.CloseAsync(review.Id, ProposalStatus.Rejected);

        store.Advance(TimeSpan.FromHours(24));
        await store.SweepAsync();

        Assert.Equal([ProposalStatus.Rejected], (await store.RefundsAsync()).Where(p => p.ThreadId == "t02").Select(p => p.Status));
    }

    [Fact]
    public async Task ExpiredCase_IsProposedAgain_Once()
    {
        await store.SweepAsync();
        var first = (await store.RefundsAsync()).Single();
        await store.CloseAsync(first.Id, ProposalStatus.Expired);

        await store.SweepAsync();
        await store.SweepAsync();

        var all = await store.RefundsAsync();
        Assert.Equal([(ProposalStatus.Expired, "t01"), (ProposalStatus.Open, "t01")], all.Select(p => (p.Status, p.ThreadId!)));
        Assert.Equal("refund:t01", all[1].OpenCaseKey);
    }
}
