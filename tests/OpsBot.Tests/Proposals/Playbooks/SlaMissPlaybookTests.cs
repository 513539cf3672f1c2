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
