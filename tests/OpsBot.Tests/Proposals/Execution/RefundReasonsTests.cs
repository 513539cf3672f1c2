using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Proposals.Execution;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Tests.Proposals.Execution;

/// <summary>The platform's refund reason, judged as of the approval so every attempt of one execution sends the same.</summary>
public sealed class RefundReasonsTests
{
    private static readonly DateTimeOffset Deadline = DateTimeOffset.Parse("2026-11-21T08:00:00Z");
    private static readonly DateTimeOffset ApprovedAt = Deadline.AddHours(3);

    private static Thread Overdue() => new()
    {
        Id = "t01", CreatorId = "c_anna", FanId = "fan", Currency = "EUR", CreatedAt = Deadline.AddHours(-48), DeadlineAt = Deadline,
    };

    private static Proposal Review() => new()
    {
        Kind = ProposalKind.Refund, Reason = ProposalReasons.RefundReview, DecidedAt = ApprovedAt, CaseKey = "refund:t01", CreatorId = "c_anna",
        RequestedBy = "platform", RequestedByName = "Platform",
    };

    [Fact]
    public void OverdueAtTheApproval_IsAnSlaMiss_AlsoOnARetryAfterTheFeedShowsTheRefund()
    {
        var thread = Overdue();
        var first = RefundReasons.For(Review(), thread, ApprovedAt.AddSeconds(1));

        // The first attempt refunded but its answer was lost; the feed recorded the refund before the retry.
        thread.RefundedAt = ApprovedAt.AddSeconds(2);
        var retry = RefundReasons.For(Review(), thread, ApprovedAt.AddMinutes(1));

        Assert.Equal((RefundReason.SlaMiss, RefundReason.SlaMiss), (first, retry));
    }

    [Fact]
    public void AnsweredBeforeTheApproval_FollowsTheProposalsReason()
    {
        var thread = Overdue();
        thread.FirstReplyAt = ApprovedAt.AddMinutes(-5);

        Assert.Equal(RefundReason.Other, RefundReasons.For(Review(), thread, ApprovedAt.AddSeconds(1)));
    }
}
