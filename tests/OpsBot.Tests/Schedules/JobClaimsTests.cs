using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Data;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Schedules;

public sealed class JobClaimsTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Nine);

    private JobClaims Claims(OpsDbContext db, string owner) =>
        new(db, clock, new ScheduleInstance(owner), Options.Create(new ScheduleOptions()));

    [Fact]
    public async Task TwoInstancesClaimingOneOccurrence_OnlyTheFirstWins()
    {
        using var database = new TestDatabase();
        await using var a = database.NewContext();
        await using var b = database.NewContext();

        var first = await Claims(a, "a").TryClaimAsync("DailyRadar", Nine, CancellationToken.None);
        var second = await Claims(b, "b").TryClaimAsync("DailyRadar", Nine, CancellationToken.None);
        var otherJob = await Claims(b, "b").TryClaimAsync("DailyDigest", Nine, CancellationToken.None);

        Assert.Equal((true, false, true), (first, second, otherJob));
        await using var check = database.NewContext();
        Assert.Equal("a", check.JobRuns.Single(r => r.Job == "DailyRadar").Owner);
    }

    [Fact]
    public async Task Reclaim_OnlyAfterTheLeaseExpired_AndOnlyOnce()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        await Claims(db, "crashed").TryClaimAsync("DailyRadar", Nine, CancellationToken.None);

        var early = await Claims(db, "b").TryReclaimAsync("DailyRadar", Nine, CancellationToken.None);
        clock.Advance(new ScheduleOptions().Lease + TimeSpan.FromSeconds(1));
        var taken = await Claims(db, "b").TryReclaimAsync("DailyRadar", Nine, CancellationToken.None);
        clock.Advance(new ScheduleOptions().Lease + TimeSpan.FromSeconds(1));
        var again = await Claims(db, "c").TryReclaimAsync("DailyRadar", Nine, CancellationToken.None);

        Assert.Equal((false, true, false), (early, taken, again));
        await using var check = database.NewContext();
        var run = check.JobRuns.Single();
        Assert.Equal(("b", 2, JobOutcome.Running), (run.Owner, run.Attempt, run.Outcome));
    }

    [Fact]
    public async Task Finish_AfterAnotherInstanceTookTheRunOver_ChangesNothing_AndSaysSo()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        await Claims(db, "slow").TryClaimAsync("DailyRadar", Nine, CancellationToken.None);
        clock.Advance(new ScheduleOptions().Lease + TimeSpan.FromSeconds(1));
        await Claims(db, "b").TryReclaimAsync("DailyRadar", Nine, CancellationToken.None);

        var slowFinished = await Claims(db, "slow").FinishAsync("DailyRadar", Nine, JobOutcome.Succeeded, null, CancellationToken.None);
        var takeoverFinished = await Claims(db, "b").FinishAsync("DailyRadar", Nine, JobOutcome.Failed, "boom", CancellationToken.None);

        Assert.Equal((false, true), (slowFinished, takeoverFinished));
        await using var check = database.NewContext();
        var run = check.JobRuns.Single();
        Assert.Equal(("b", JobOutcome.Failed, "boom"), (run.Owner, run.Outcome, run.Error));
    }
}
