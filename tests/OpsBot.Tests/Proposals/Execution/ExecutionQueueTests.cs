using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Proposals.Execution;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Proposals.Execution;

/// <summary>Two instances on one store: each proposal runs on one of them at a time, and a dead one's work is picked up.</summary>
public sealed class ExecutionQueueTests : IAsyncLifetime
{
    private FakePlatform platform = null!;

    public async Task InitializeAsync() => platform = await FakePlatform.StartAsync();

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task TwoHostsOnOneStore_BothWoken_MakeOnePlatformCall()
    {
        // Slow enough that the second host would call too if its claim were not refused.
        platform.Script(new FakePlatformAnswer(201, Delay: TimeSpan.FromMilliseconds(300)));
        using var database = new TestDatabase();
        await ExecutionHost.SeedAsync(database);
        await using var first = await ExecutionHost.StartAsync(platform.Settings, database);
        await using var second = await ExecutionHost.StartAsync(platform.Settings, database);
        var proposal = await first.ProposeAsync(ExecutionHost.SlaRefund);

        await first.ApproveAsync(proposal.Id);
        second.Services.GetRequiredService<ExecutionSignal>().Wake();
        await database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);
        await ExecutionHost.SettleAsync();

        Assert.Single(platform.Calls);
    }

    [Fact]
    public async Task TwoHostsOnOneStore_Embedded_RecordOneRefund()
    {
        using var database = new TestDatabase();
        await ExecutionHost.SeedAsync(database);
        await using var first = await ExecutionHost.StartAsync(database: database);
        await using var second = await ExecutionHost.StartAsync(database: database);
        var proposal = await first.ProposeAsync(ExecutionHost.SlaRefund);

        await first.ApproveAsync(proposal.Id);
        second.Services.GetRequiredService<ExecutionSignal>().Wake();
        await database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);
        await ExecutionHost.SettleAsync();

        await using var db = database.NewContext();
        Assert.Equal(1, await db.Refunds.CountAsync());
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == OpsBot.Audit.AuditActions.ExecutionSucceeded));
    }

    [Fact]
    public async Task HostStoppedMidCall_LeaseRunsOut_AnotherHostRetriesWithTheSameIdempotencyKey()
    {
        // The first call hangs until its caller goes away; the second is answered at once.
        platform.Script(new FakePlatformAnswer(201, Delay: TimeSpan.FromMinutes(5)));
        using var database = new TestDatabase();
        await ExecutionHost.SeedAsync(database);
        long proposalId;
        await using (var stopped = await ExecutionHost.StartAsync(platform.Settings, database))
        {
            proposalId = (await stopped.ProposeAsync(ExecutionHost.SlaRefund)).Id;
            await stopped.ApproveAsync(proposalId);
            await WaitForCallsAsync(1);
        }
        var left = await database.WaitForAsync(proposalId, ExecutionStatus.Running, attempts: 1);
        Assert.Equal(ExecutionHost.Now.AddMinutes(2), left.ExecutionLeaseUntil);

        await using var next = await ExecutionHost.StartAsync(platform.Settings, database);
        await ExecutionHost.SettleAsync();
        Assert.Single(platform.Calls);
        next.Clock.Advance(TimeSpan.FromMinutes(2));
        await database.WaitForAsync(proposalId, ExecutionStatus.Succeeded, attempts: 2);

        Assert.Equal(["P-1", "P-1"], platform.Calls.Select(c => c.IdempotencyKey));
    }

    [Fact]
    public async Task LastAttemptsInstanceStopped_LeaseRunsOut_IsFailedAndEscalated_NotRunBeyondMaxAttempts()
    {
        // Attempts that end without an outcome never reach the give-up rule; without a bound a crashing execution
        // would be claimed again after every lease, forever and silently.
        platform.Script(new FakePlatformAnswer(201, Delay: TimeSpan.FromMinutes(5)));
        using var database = new TestDatabase();
        await ExecutionHost.SeedAsync(database);
        var settings = platform.Settings;
        settings["Proposals:Execution:MaxAttempts"] = "1";
        long proposalId;
        await using (var stopped = await ExecutionHost.StartAsync(settings, database))
        {
            proposalId = (await stopped.ProposeAsync(ExecutionHost.SlaRefund)).Id;
            await stopped.ApproveAsync(proposalId);
            await WaitForCallsAsync(1);
        }

        await using var next = await ExecutionHost.StartAsync(settings, database);
        next.Clock.Advance(TimeSpan.FromMinutes(2));
        var failed = await database.WaitForAsync(proposalId, ExecutionStatus.Failed, attempts: 2);
        next.Clock.Advance(TimeSpan.FromDays(1));
        await ExecutionHost.SettleAsync();

        Assert.Single(platform.Calls);
        Assert.Contains("without an outcome", failed.ExecutionError);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Key == ExecutionNotes.AlertKey(proposalId)));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.ProposalId == proposalId && a.Action == AuditActions.ExecutionFailed));
    }

    private async Task WaitForCallsAsync(int count)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (platform.Calls.Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The platform got {platform.Calls.Count} calls, not {count}.");
            await Task.Delay(25);
        }
    }
}
