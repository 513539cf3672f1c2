using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;

namespace OpsBot.Tests.Proposals;

public sealed class ProposalBookTests : IAsyncLifetime
{
    private static readonly AuditActor Jonas = new("playground:jonas", "Jonas");
    private readonly MetricsFixture data = new();
    private ChatSlice slice = null!;

    public async Task InitializeAsync()
    {
        var anna = data.Creator("anna");
        data.Thread(anna, MetricsFixture.At("2026-11-17T08:00:00Z"), amount: 2500);                 // t01: overdue, open
        data.Thread(anna, MetricsFixture.At("2026-11-17T08:00:00Z")).Reply(MetricsFixture.At("2026-11-18T08:00:00Z")); // t02: answered
        await data.SaveAsync();
        slice = new ChatSlice(data.ConnectionString, data.Clock.GetUtcNow());
    }

    public async Task DisposeAsync()
    {
        await slice.DisposeAsync();
        data.Dispose();
    }

    private Task<Proposed> ProposeAsync(ProposalRequest request) =>
        slice.InScopeAsync(s => s.GetRequiredService<ProposalBook>().ProposeAsync(request, CancellationToken.None));

    private static ProposalRequest SlaRefund(string thread) => new(ProposalKind.Refund, ProposalSource.SlaMiss, ProposalReasons.SlaMiss, AuditActor.OpsBot, ThreadId: thread);

    [Fact]
    public async Task Refund_ForAnOverdueThread_StoresProposalAuditLineAndCard_InOneGo()
    {
        var proposed = await ProposeAsync(SlaRefund("t01"));

        Assert.True(proposed.Created);
        var p = proposed.Proposal;
        Assert.Equal((ProposalStatus.Open, "c_anna", 2500L, "EUR", "refund:t01"), (p.Status, p.CreatorId, p.AmountMinor!.Value, p.Currency, p.OpenCaseKey));
        Assert.Equal(data.Clock.GetUtcNow().AddHours(72), p.ExpiresAt);
        await using var db = data.NewContext();
        var line = await db.AuditLog.SingleAsync();
        Assert.Equal((AuditActions.ProposalCreated, "opsbot", p.Id, "t01"), (line.Action, line.Actor, line.ProposalId!.Value, line.ThreadId));
        var card = await db.OutboxMessages.SingleAsync();
        Assert.Equal(($"proposal:{p.Id}", OutboxTargetKind.Channel, "Approvals"), (card.Key, card.TargetKind, card.TargetId));
        Assert.Contains("proposal.approve:" + p.Id, card.Content);
        Assert.Contains("proposal.reject:" + p.Id, card.Content);
    }

    [Fact]
    public async Task SameCase_AskedAgain_ReturnsTheOpenProposal_WithoutASecond()
    {
        var first = await ProposeAsync(SlaRefund("t01"));
        var second = await ProposeAsync(SlaRefund("t01") with { RequestedBy = Jonas, Source = ProposalSource.Manual });

        Assert.False(second.Created);
        Assert.Equal(first.Proposal.Id, second.Proposal.Id);
        await using var db = data.NewContext();
        Assert.Equal(1, await db.Proposals.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Theory]
    [InlineData(ProposalKind.Refund, ExecutionStatus.Pending)]
    [InlineData(ProposalKind.Refund, ExecutionStatus.Running)]
    [InlineData(ProposalKind.Refund, ExecutionStatus.Succeeded)]
    [InlineData(ProposalKind.BlockFastLane, ExecutionStatus.Pending)]
    public async Task Case_WhoseApprovedActionIsUnderWayOrARefundDone_IsNotProposedAgain(ProposalKind kind, ExecutionStatus execution)
    {
        // Approved frees the case's open key; until the store or the platform's event shows the result, the live state
        // still looks like the action is needed, and a second approval would ask the platform for it a second time.
        var request = kind == ProposalKind.Refund ? SlaRefund("t01")
            : new ProposalRequest(kind, ProposalSource.Manual, ProposalReasons.Manual, Jonas, CreatorId: "c_anna");
        var first = (await ProposeAsync(request)).Proposal;
        await using (var db = data.NewContext())
            await db.Proposals.Where(p => p.Id == first.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, ProposalStatus.Approved).SetProperty(p => p.OpenCaseKey, (string?)null).SetProperty(p => p.Execution, execution));

        var refused = await Assert.ThrowsAsync<ProposalRefusedException>(() => ProposeAsync(request with { RequestedBy = Jonas, Source = ProposalSource.Manual }));

        Assert.Equal(("Refused.AlreadyApproved", first.Number), (refused.TextKey, refused.Args.Single()));
        await using var check = data.NewContext();
        Assert.Equal(1, await check.Proposals.CountAsync());
    }

    [Fact]
    public async Task Case_WhoseApprovedActionFailedForGood_CanBeProposedAgain()
    {
        var first = (await ProposeAsync(SlaRefund("t01"))).Proposal;
        await using (var db = data.NewContext())
            await db.Proposals.Where(p => p.Id == first.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, ProposalStatus.Approved).SetProperty(p => p.OpenCaseKey, (string?)null).SetProperty(p => p.Execution, ExecutionStatus.Failed));

        var second = await ProposeAsync(SlaRefund("t01") with { RequestedBy = Jonas, Source = ProposalSource.Manual });

        Assert.True(second.Created);
        Assert.NotEqual(first.Id, second.Proposal.Id);
    }

    [Theory]
    [InlineData("t02", "Moot.Answered")]
    [InlineData("nope", "Refused.UnknownThread")]
    public async Task Refund_ThatWouldBeMoot_IsRefused_AndNothingIsStored(string thread, string why)
    {
        var refused = await Assert.ThrowsAsync<ProposalRefusedException>(() => ProposeAsync(SlaRefund(thread)));

        Assert.Equal(why, refused.TextKey);
        await using var db = data.NewContext();
        Assert.Equal(0, await db.Proposals.CountAsync() + await db.AuditLog.CountAsync() + await db.OutboxMessages.CountAsync());
    }

    [Theory]
    [InlineData(null, null, "Refused.AdjustNeedsValue")]
    [InlineData(0L, null, "Refused.BadPrice")]
    [InlineData(null, "0.5", "Refused.BadFactor")]
    [InlineData(null, "1.505", "Refused.BadFactor")] // the card shows two decimals: the approver would see 1.51 (or 1.5 "now 1.5")
    [InlineData(1000L, "1.5", "Moot.SamePrice")]
    public async Task AdjustPrice_WithBadOrSameValues_IsRefused(long? price, string? factor, string why)
    {
        var request = new ProposalRequest(ProposalKind.AdjustPrice, ProposalSource.Manual, ProposalReasons.Manual, Jonas, CreatorId: "c_anna",
            NewPriceMinor: price, NewFastLaneFactor: factor is null ? null : decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture));

        var refused = await Assert.ThrowsAsync<ProposalRefusedException>(() => ProposeAsync(request));

        Assert.Equal(why, refused.TextKey);
    }

    [Fact]
    public async Task Evidence_LongerThanItsColumn_IsStoredShortened_SoSqlServerTakesIt()
    {
        // A refund review's note (up to 2000 characters) and its reason (up to 512) together exceed nvarchar(2000).
        var evidence = new string('n', 2400);

        var p = (await ProposeAsync(SlaRefund("t01") with { Evidence = evidence })).Proposal;

        await using var db = data.NewContext();
        var stored = (await db.Proposals.SingleAsync(x => x.Id == p.Id)).Evidence!;
        Assert.Equal(2000, stored.Length);
        Assert.Equal(new string('n', 1999) + "…", stored);
    }

    [Theory]
    [InlineData(ProposalKind.Refund, null, null, "")]
    [InlineData(ProposalKind.Ban, null, null, "checkout Active")]
    [InlineData(ProposalKind.BlockFastLane, null, null, "fast lane True")]
    [InlineData(ProposalKind.AdjustPrice, 900L, null, "price 1000")]
    [InlineData(ProposalKind.AdjustPrice, null, "2", "factor 1.5")]
    [InlineData(ProposalKind.AdjustPrice, 900L, "2", "price 1000, factor 1.5")]
    public async Task Proposal_KeepsTheCreatorsStateItActsOn_AndNothingElse(ProposalKind kind, long? price, string? factor, string baseline)
    {
        var request = kind == ProposalKind.Refund ? SlaRefund("t01") : new ProposalRequest(kind, ProposalSource.Manual, ProposalReasons.Manual, Jonas,
            CreatorId: "c_anna", NewPriceMinor: price, NewFastLaneFactor: factor is null ? null : decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture));

        await ProposeAsync(request);

        await using var db = data.NewContext();
        var p = await db.Proposals.SingleAsync();
        string?[] kept =
        [
            p.BaselineCheckoutStatus is { } c ? $"checkout {c}" : null, p.BaselineFastLaneEnabled is { } l ? $"fast lane {l}" : null,
            p.BaselinePriceMinor is { } m ? $"price {m}" : null, p.BaselineFastLaneFactor is { } f ? $"factor {f:0.####}" : null,
        ];
        Assert.Equal(baseline, string.Join(", ", kept.OfType<string>()));
    }
}
