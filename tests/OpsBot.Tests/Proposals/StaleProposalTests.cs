using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Platform;
using OpsBot.Proposals;
using OpsBot.Proposals.Execution;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;
using OpsBot.Tests.Platform;
using OpsBot.Tests.Proposals.Execution;

namespace OpsBot.Tests.Proposals;

/// <summary>
/// A proposal acts on the creator's state it was made on: when what it would set has changed by the approver's press
/// or by its execution, it is superseded and nothing runs, instead of overwriting the newer change. Through the real
/// host: the sweep's playbooks, the platform's feed, the approver's press and the execution queue.
/// </summary>
public sealed class StaleProposalTests : IAsyncDisposable
{
    private static readonly AuditActor Jonas = new("playground:jonas", "Jonas");
    private readonly MetricsFixture store = new();
    private ProposalDesk desk = null!;

    public async ValueTask DisposeAsync()
    {
        if (desk is not null)
        {
            await desk.Host.DisposeAsync();
            desk.Host.Database.Dispose();
        }
        store.Dispose();
    }

    private async Task StartAsync(Action<Creator>? anna = null, bool execution = true)
    {
        var creator = store.Creator("anna");
        anna?.Invoke(creator);
        // Three flagged answers within the window: the systematic-flags playbook proposes a 10% price cut (1000 → 900).
        store.Thread(creator, MetricsFixture.At("2026-11-10T08:00:00Z"), 24).ReplyAfterHours(2)
            .Flag(MetricsFixture.At("2026-11-11T08:00:00Z")).Flag(MetricsFixture.At("2026-11-12T08:00:00Z")).Flag(MetricsFixture.At("2026-11-13T08:00:00Z"));
        await store.SaveAsync();
        var host = await TestHost.StartAsync(ProposalDesk.Settings(store), ProposalDesk.Now, services: execution ? null : ProposalDesk.WithoutExecution);
        desk = new ProposalDesk(host, store);
    }

    private async Task<Proposal> SweepForPriceCutAsync()
    {
        await using (var scope = desk.Host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "ProposalSweep").RunAsync(desk.Host.Clock.GetUtcNow(), CancellationToken.None);
        await using var db = store.NewContext();
        var cut = await db.Proposals.AsNoTracking().SingleAsync(p => p.Kind == ProposalKind.AdjustPrice);
        Assert.Equal((900L, 1000L), (cut.NewPriceMinor!.Value, cut.BaselinePriceMinor!.Value));
        return cut;
    }

    /// <summary>anna's <c>creator.upserted</c> from the platform's feed, as the webhook applies it.</summary>
    private async Task UpsertAnnaAsync(long priceMinor, string displayName = "ANNA")
    {
        var upsert = FeedSamples.Creator(creatorId: "c_anna", handle: "anna", occurredAt: "2026-11-20T08:55:00Z", displayName: displayName);
        upsert["data"]!["standardPriceMinor"] = priceMinor;
        await using var scope = desk.Host.Services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<EventFeed>().ApplyAsync(FeedSamples.Valid(upsert), CancellationToken.None);
        Assert.Equal(1, applied.Applied);
    }

    private async Task<Creator> AnnaAsync()
    {
        await using var db = store.NewContext();
        return await db.Creators.AsNoTracking().SingleAsync(c => c.Id == "c_anna");
    }

    private async Task<Proposal> ProposeAsync(ProposalKind kind) =>
        (await desk.ProposeAsync(new ProposalRequest(kind, ProposalSource.Manual, ProposalReasons.Manual, Jonas, CreatorId: "c_anna"))).Proposal;

    /// <summary>Waits (wall clock, 20 s at most) for the execution worker to finish the proposal.</summary>
    private async Task<Proposal> ExecutedAsync(long id)
    {
        for (var until = DateTime.UtcNow.AddSeconds(20); ; await Task.Delay(25))
        {
            var p = await desk.ProposalAsync(id);
            if (p.Execution == ExecutionStatus.Succeeded) return p;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{p.Number} is {p.Execution}: {p.ExecutionError}");
        }
    }

    [Fact]
    public async Task PriceCut_PriceLoweredByTheCreatorMeanwhile_IsSupersededAtThePress_AndThePriceStays()
    {
        await StartAsync();
        var cut = await SweepForPriceCutAsync();
        await UpsertAnnaAsync(priceMinor: 700);

        var reply = await desk.PressDirectAsync($"proposal.approve:{cut.Id}", "mara");

        Assert.Contains("The price has changed since the proposal was made.", reply);
        var closed = await desk.ProposalAsync(cut.Id);
        Assert.Equal((ProposalStatus.Superseded, ExecutionStatus.None, "The price has changed since the proposal was made."),
            (closed.Status, closed.Execution, closed.DecisionNote));
        var line = Assert.Single(await desk.AuditLinesAsync(AuditActions.ProposalSuperseded));
        Assert.Equal((cut.Id, "The price has changed since the proposal was made."), (line.ProposalId!.Value, line.Why));
        await desk.WaitSentAsync($"{ProposalBook.CardKey(cut.Id)}:decided");
        await ExecutionHost.SettleAsync();
        Assert.Equal(700, (await AnnaAsync()).StandardPriceMinor);
    }

    [Fact]
    public async Task PriceCut_CreatorChangedSomethingElse_StillRunsAsApproved()
    {
        await StartAsync();
        var cut = await SweepForPriceCutAsync();
        await UpsertAnnaAsync(priceMinor: 1000, displayName: "Anna B.");

        Assert.Contains("You approved", await desk.PressDirectAsync($"proposal.approve:{cut.Id}", "mara"));

        var done = await ExecutedAsync(cut.Id);
        Assert.Equal("price 1000 EUR (minor units), fast-lane factor 1.5 → price 900 EUR (minor units), fast-lane factor 1.5", done.ExecutionResult);
        Assert.Equal((900L, "Anna B."), ((await AnnaAsync()).StandardPriceMinor, (await AnnaAsync()).DisplayName));
    }

    [Fact]
    public async Task PriceCut_PriceChangedBetweenApprovalAndExecution_ChangesNothing_AndTheCardSaysWhy()
    {
        await StartAsync(execution: false);
        var cut = await SweepForPriceCutAsync();
        Assert.Contains("You approved", await desk.PressDirectAsync($"proposal.approve:{cut.Id}", "mara"));
        await UpsertAnnaAsync(priceMinor: 700);

        await using (var scope = desk.Host.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ExecutionRunner>().RunDueAsync(CancellationToken.None));

        var done = await desk.ProposalAsync(cut.Id);
        Assert.Equal((ExecutionStatus.Succeeded, "Nothing to do: The price has changed since the proposal was made."), (done.Execution, done.ExecutionResult));
        Assert.Equal(700, (await AnnaAsync()).StandardPriceMinor);
        var line = Assert.Single(await desk.AuditLinesAsync(AuditActions.ExecutionSucceeded));
        Assert.Equal("price 700 EUR (minor units), fast-lane factor 1.5", line.Before);
        Assert.Equal(line.Before, line.After);
    }

    [Fact]
    public async Task Lift_BanExecutedAfterTheProposal_IsSupersededAtThePress_AndTheBanStays()
    {
        await StartAsync(anna => anna.CheckoutStatus = CheckoutStatus.Maintenance);
        var lift = await ProposeAsync(ProposalKind.Lift);
        Assert.Equal((CheckoutStatus.Maintenance, true), (lift.BaselineCheckoutStatus!.Value, lift.BaselineFastLaneEnabled!.Value));
        var ban = await ProposeAsync(ProposalKind.Ban);
        await desk.PressDirectAsync($"proposal.approve:{ban.Id}", "mara");
        await ExecutedAsync(ban.Id);

        var reply = await desk.PressDirectAsync($"proposal.approve:{lift.Id}", "mara");

        Assert.Contains("The checkout has changed since the proposal was made.", reply);
        var closed = await desk.ProposalAsync(lift.Id);
        Assert.Equal((ProposalStatus.Superseded, ExecutionStatus.None), (closed.Status, closed.Execution));
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalSuperseded], await desk.AuditAsync(lift.Id));
        await ExecutionHost.SettleAsync();
        Assert.Equal(CheckoutStatus.Banned, (await AnnaAsync()).CheckoutStatus);
    }

    [Fact]
    public async Task Lift_StateUnchanged_OpensTheCheckoutAsBefore()
    {
        await StartAsync(anna => anna.CheckoutStatus = CheckoutStatus.Maintenance);
        var lift = await ProposeAsync(ProposalKind.Lift);

        Assert.Contains("You approved", await desk.PressDirectAsync($"proposal.approve:{lift.Id}", "mara"));

        var done = await ExecutedAsync(lift.Id);
        Assert.Equal("checkout Maintenance, fast lane on → checkout Active, fast lane on", done.ExecutionResult);
        Assert.Equal(CheckoutStatus.Active, (await AnnaAsync()).CheckoutStatus);
    }
}
