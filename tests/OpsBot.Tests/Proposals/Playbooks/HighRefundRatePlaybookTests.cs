using OpsBot.Data;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.Playbooks;

public sealed class HighRefundRatePlaybookTests : IAsyncDisposable
{
    private readonly PlaybookHarness store = new();

    public ValueTask DisposeAsync() => store.DisposeAsync();

    /// <summary>Ten threads created in the window, answered in time, <paramref name="refunds"/> of them refunded after the answer.</summary>
    private Creator CreatorWith(string handle, int refunds, int threads = 10)
    {
        var creator = store.Data.Creator(handle);
        for (var i = 0; i < threads; i++)
        {
            var thread = store.Data.Thread(creator, At("2026-11-10T08:00:00Z"), 24).ReplyAfterHours(2);
            if (i < refunds) thread.Refund(At("2026-11-12T08:00:00Z"), RefundReason.PoorAnswer);
        }
        return creator;
    }

    [Fact]
    public async Task OverTenPercent_ProposesDisablingCheckout_Once()
    {
        CreatorWith("anna", refunds: 2);
        CreatorWith("bob", refunds: 1);                 // exactly 10%: not high
        CreatorWith("cleo", refunds: 5, threads: 9);    // too few threads
        await store.StartAsync();

        await store.SweepAsync();
        await store.SweepAsync();

        var p = Assert.Single(await store.ProposalsAsync());
        Assert.Equal((ProposalKind.DisableCheckout, "c_anna", ProposalSource.HighRefundRate, "high_refund_rate"), (p.Kind, p.CreatorId, p.Source, p.Reason));
        Assert.Equal("refund rate 20.0%: 2 refunds of 10 threads created in 30 days", p.Evidence);
    }

    [Fact]
    public async Task CheckoutAlreadyInMaintenance_ProposesNothing()
    {
        CreatorWith("anna", refunds: 3).CheckoutStatus = CheckoutStatus.Maintenance;
        await store.StartAsync();

        await store.SweepAsync();

        Assert.Empty(await store.ProposalsAsync());
    }
}
