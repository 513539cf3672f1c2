using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using OpsBot.Proposals.Playbooks;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.Playbooks;

public sealed class RepeatedMissesPlaybookTests : IAsyncDisposable
{
    private readonly PlaybookHarness store = new();

    public ValueTask DisposeAsync() => store.DisposeAsync();

    private async Task<List<OpsBot.Data.Proposal>> BlocksAfterSweepsAsync()
    {
        await store.SweepAsync();
        await store.SweepAsync();
        return [.. (await store.ProposalsAsync()).Where(p => p.Kind == ProposalKind.BlockFastLane)];
    }

    /// <summary>Three misses of bob's: answered late, never answered but refunded after the deadline, answered late again.</summary>
    private Creator BobWithThreeMisses()
    {
        var bob = store.Data.Creator("bob");
        store.Data.Thread(bob, At("2026-11-01T08:00:00Z"), 24).ReplyAfterHours(30);                      // t01
        store.Data.Thread(bob, At("2026-11-05T08:00:00Z"), 24).Refund(At("2026-11-06T10:00:00Z"));      // t02
        store.Data.Thread(bob, At("2026-11-10T08:00:00Z"), 24).ReplyAfterHours(25);                      // t03
        store.Data.Thread(bob, At("2026-11-12T08:00:00Z"), 24).ReplyAfterHours(2);                       // t04: in time
        store.Data.Thread(bob, At("2026-11-13T08:00:00Z"), 24).Refund(At("2026-11-13T10:00:00Z"));      // t05: refunded before its deadline
        return bob;
    }

    [Fact]
    public async Task ThreeMissesIn30Days_ProposeBlockingTheFastLane_Once_ListingTheMisses()
    {
        BobWithThreeMisses();
        await store.StartAsync();

        var block = Assert.Single(await BlocksAfterSweepsAsync());

        Assert.Equal(("c_bob", ProposalSource.RepeatedMisses, "repeated_sla_misses"), (block.CreatorId, block.Source, block.Reason));
        Assert.Equal("3 SLA misses in 30 days: t01 (deadline 2026-11-02 09:00 +01:00), t02 (deadline 2026-11-06 09:00 +01:00), "
            + "t03 (deadline 2026-11-11 09:00 +01:00)", block.Evidence);
    }

    [Fact]
    public async Task MissesOutsideTheWindowOrInTime_DoNotCount()
    {
        var bob = BobWithThreeMisses();
        store.Data.Thread(bob, At("2026-10-01T08:00:00Z"), 24).ReplyAfterHours(48);   // t06: missed, but 50 days ago
        await store.StartAsync(s => s.Configure<PlaybookOptions>(o => o.RepeatedMisses = 4));

        Assert.Empty(await BlocksAfterSweepsAsync());
    }

    [Fact]
    public async Task Threshold_IsConfigurable()
    {
        var cleo = store.Data.Creator("cleo");
        store.Data.Thread(cleo, At("2026-11-01T08:00:00Z"), 24).ReplyAfterHours(30);
        store.Data.Thread(cleo, At("2026-11-02T08:00:00Z"), 24).ReplyAfterHours(30);
        await store.StartAsync(s => s.Configure<PlaybookOptions>(o => o.RepeatedMisses = 2));

        Assert.Equal(["c_cleo"], (await BlocksAfterSweepsAsync()).Select(p => p.CreatorId));
    }

    [Fact]
    public async Task FastLaneAlreadyOff_FlagsTheCreatorOnce_AndProposesNothing()
    {
        var bob = BobWithThreeMisses();
        bob.FastLaneEnabled = false;
        store.Data.Thread(bob, At("2026-11-15T08:00:00Z"), 24);   // t06: never answered, a fourth miss
        await store.StartAsync();

        Assert.Empty(await BlocksAfterSweepsAsync());

        var flag = Assert.Single(await store.AuditAsync(), e => e.Action == AuditActions.CreatorFlagged);
        Assert.Equal(("opsbot", "creator @bob", "c_bob", "4 SLA misses in 30 days: t01, t02, t03, t06"), (flag.Actor, flag.Subject, flag.CreatorId, flag.Why));
    }

    [Fact]
    public async Task FastLaneOn_FlagsTheCreator_AndProposesTheBlock()
    {
        BobWithThreeMisses();
        await store.StartAsync();

        Assert.Single(await BlocksAfterSweepsAsync());
        Assert.Single(await store.AuditAsync(), e => e.Action == AuditActions.CreatorFlagged && e.CreatorId == "c_bob");
    }

    [Fact]
    public async Task Flag_StandsForTheWindow_ThenIsWrittenAgainIfTheMissesStillCount()
    {
        BobWithThreeMisses();
        store.Data.Thread(store.Data.Creator("cleo"), At("2026-11-15T08:00:00Z"), 24);   // one miss: not flagged
        await store.StartAsync();
        await store.SweepAsync();

        await using (var db = store.Data.NewContext())
            await db.AuditLog.Where(e => e.Action == AuditActions.CreatorFlagged).ExecuteUpdateAsync(u => u.SetProperty(e => e.At, store.Now.AddDays(-31)));
        await store.SweepAsync();

        Assert.Equal(["c_bob", "c_bob"], (await store.AuditAsync()).Where(e => e.Action == AuditActions.CreatorFlagged).Select(e => e.CreatorId));
    }

    [Fact]
    public async Task CreatorCard_ShowsTheFlag()
    {
        BobWithThreeMisses().FastLaneEnabled = false;
        await store.StartAsync();
        await store.SweepAsync();

        var card = (await store.Slice.RunAsync("/creator bob")).Message;

        Assert.Contains("flagged for repeated SLA misses on 2026-11-20 10:00 +01:00", MessageText.Field(card, "Marks (30 days)"));
    }

    [Fact]
    public async Task RejectedBlock_StandsForTheWindow_ThenTheCaseMayBeProposedAgain()
    {
        BobWithThreeMisses();
        await store.StartAsync();
        await store.SweepAsync();
        var rejected = (await store.ProposalsAsync()).Single(p => p.Kind == ProposalKind.BlockFastLane);
        await store.CloseAsync(rejected.Id, ProposalStatus.Rejected);

        Assert.Single(await BlocksAfterSweepsAsync());

        await using (var db = store.Data.NewContext())
            await db.Proposals.Where(p => p.Id == rejected.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.DecidedAt, store.Now.AddDays(-31)));
        Assert.Equal(2, (await BlocksAfterSweepsAsync()).Count);
    }
}
