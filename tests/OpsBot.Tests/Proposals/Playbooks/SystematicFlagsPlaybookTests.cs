using Microsoft.Extensions.DependencyInjection;
using OpsBot.Data;
using OpsBot.Proposals.Playbooks;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.Playbooks;

public sealed class SystematicFlagsPlaybookTests : IAsyncDisposable
{
    private readonly PlaybookHarness store = new();

    public ValueTask DisposeAsync() => store.DisposeAsync();

    private async Task FlagsAsync(Creator creator, params string[] reasons)
    {
        var thread = store.Data.Thread(creator, At("2026-11-01T08:00:00Z"), 24).ReplyAfterHours(2).Entity;
        await store.AddAsync([.. reasons.Select((r, i) => new MessageFlag { ThreadId = thread.Id, MessageId = $"m{i}", Reason = r, At = At("2026-11-02T08:00:00Z").AddHours(i) })]);
    }

    private async Task<List<OpsBot.Data.Proposal>> SweptTwiceAsync()
    {
        await store.SweepAsync();
        await store.SweepAsync();
        return [.. (await store.ProposalsAsync()).Where(p => p.Source == ProposalSource.SystematicFlags)];
    }

    [Fact]
    public async Task ThreeFlags_ProposeAPriceCutOfTenPercent_Once()
    {
        await FlagsAsync(store.Data.Creator("anna"), "poor_quality", "poor_quality", "too_short");
        await store.StartAsync();

        var p = Assert.Single(await SweptTwiceAsync());

        Assert.Equal((ProposalKind.AdjustPrice, "c_anna", 900L, "systematic_flags"), (p.Kind, p.CreatorId, p.NewPriceMinor!.Value, p.Reason));
        Assert.Null(p.NewFastLaneFactor);
        Assert.Equal("3 flags in 30 days (poor_quality 2, too_short 1)", p.Evidence);
    }

    [Fact]
    public async Task TwoFlags_AreNotYetSystematic() 
    {
        await FlagsAsync(store.Data.Creator("anna"), "poor_quality", "too_short");
        await store.StartAsync();

        Assert.Empty(await SweptTwiceAsync());
    }

    [Fact]
    public async Task ManyFlags_ProposeACheckoutStopInstead()
    {
        await FlagsAsync(store.Data.Creator("anna"), "poor_quality", "poor_quality", "too_short", "off_topic", "too_short", "poor_quality");
        await store.StartAsync();

        var p = Assert.Single(await SweptTwiceAsync());

        Assert.Equal((ProposalKind.DisableCheckout, "6 flags in 30 days (poor_quality 3, too_short 2, off_topic 1)"), (p.Kind, p.Evidence));
    }

    [Fact]
    public async Task TwoSevereFlags_ProposeACheckoutStop_EvenBelowThePriceCutThreshold()
    {
        await FlagsAsync(store.Data.Creator("anna"), "inappropriate", "Inappropriate");
        await store.StartAsync();

        Assert.Equal([ProposalKind.DisableCheckout], (await SweptTwiceAsync()).Select(p => p.Kind));
    }

    [Fact]
    public async Task ThresholdsAndCut_AreConfigurable()
    {
        await FlagsAsync(store.Data.Creator("anna"), "inappropriate", "poor_quality");
        await store.StartAsync(s => s.Configure<PlaybookOptions>(o => (o.FlagsForPriceCut, o.PriceCut, o.SevereFlagReasons) = (2, 0.25m, "")));

        var p = Assert.Single(await SweptTwiceAsync());

        Assert.Equal((ProposalKind.AdjustPrice, 750L), (p.Kind, p.NewPriceMinor!.Value));
    }

    [Theory]
    [InlineData(1000, 0.10, 900)]
    [InlineData(999, 0.10, 899)]    // 899.1
    [InlineData(995, 0.10, 896)]    // 895.5 rounds up
    [InlineData(1, 0.10, 1)]        // nothing to cut: the book refuses it as the same price
    public void Cut_RoundsToWholeMinorUnits(long price, double cut, long expected) =>
        Assert.Equal(expected, SystematicFlagsStep.Cut(price, (decimal)cut));
}
