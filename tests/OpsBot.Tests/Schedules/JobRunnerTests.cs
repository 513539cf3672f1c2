using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Schedules.RunnerInstance;

namespace OpsBot.Tests.Schedules;

public sealed class JobRunnerTests
{
    private readonly JobLog log = new();

    [Theory]
    [InlineData(3, 29)]
    [InlineData(10, 25)]
    public async Task FullDayOfMinuteTicks_RunsEachOccurrenceExactlyOnce_OnDstDays(int month, int day)
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(Berlin(2026, month, day, 0).AddMinutes(-1));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyRadar", "DailyDigest", "AlertSweep"],
            o => (o.DailyRadar, o.DailyDigest) = ("30 2 * * *", "0 9 * * *"));
        await instance.TickAsync();
        var (start, end) = (Berlin(2026, month, day, 0), Berlin(2026, month, day + 1, 0));

        // Every minute of the local day [start, end): the tick at 23:59 is the last.
        while (clock.GetUtcNow() < end.AddMinutes(-1))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await instance.TickAsync();
        }

        Assert.Single(log.Of("DailyRadar"));
        Assert.Equal([Berlin(2026, month, day, 9)], log.Of("DailyDigest"));
        // A quarter-hour sweep follows the real hours of the day: 23 on spring-forward, 25 on fall-back.
        var sweeps = log.Of("AlertSweep");
        Assert.Equal((int)(end - start).TotalHours * 4, sweeps.Count);
        Assert.Equal(sweeps.Count, sweeps.Distinct().Count());
        Assert.All(await RunsAsync(database, "AlertSweep"), r => Assert.Equal(JobOutcome.Succeeded, r.Outcome));
    }

    [Fact]
    public async Task TwoInstancesRacingOnOneFile_RunEachOccurrenceOnce()
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 8, 59));
        await using var a = new RunnerInstance(database, clock, log, ["AlertSweep", "DailyDigest"]);
        await using var b = new RunnerInstance(database, clock, log, ["AlertSweep", "DailyDigest"]);
        await Task.WhenAll(a.TickAsync(), b.TickAsync());

        for (var i = 0; i < 8; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(a.TickAsync(), b.TickAsync(), a.TickAsync(), b.TickAsync());
            clock.Advance(TimeSpan.FromMinutes(14));
        }

        Assert.Equal([Berlin(2026, 11, 23, 9)], log.Of("DailyDigest"));
        var sweeps = log.Of("AlertSweep");
        Assert.Equal(8, sweeps.Count);
        Assert.Equal(8, sweeps.Distinct().Count());
        Assert.Equal(8, (await RunsAsync(database, "AlertSweep")).Count);
    }

    [Fact]
    public async Task RestartAfterMissedNineOClock_WithinGrace_RunsItOnceLate()
    {
        using var database = new TestDatabase();
        await RunFridayNineAsync(database);
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 10, 30));
        await using var restarted = new RunnerInstance(database, clock, log, ["DailyDigest"]);

        var first = await restarted.TickAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await restarted.TickAsync();

        Assert.Equal([Berlin(2026, 11, 20, 9), Berlin(2026, 11, 23, 9)], log.Of("DailyDigest"));
        Assert.Equal([new("DailyDigest", Berlin(2026, 11, 23, 9), JobOutcome.Late)], first.Ran);
        Assert.Empty(second.Ran);
        Assert.Equal(JobOutcome.Late, (await RunsAsync(database, "DailyDigest")).Last().Outcome);
    }

    [Fact]
    public async Task RestartBeyondGrace_RecordsTheMissedRunAsSkipped_AndDoesNotRunIt()
    {
        using var database = new TestDatabase();
        await RunFridayNineAsync(database);
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 15, 30));
        await using var restarted = new RunnerInstance(database, clock, log, ["DailyDigest"]);

        var report = await restarted.TickAsync();

        Assert.Equal([Berlin(2026, 11, 20, 9)], log.Of("DailyDigest"));
        Assert.Equal([new("DailyDigest", Berlin(2026, 11, 23, 9))], report.Skipped);
        var last = (await RunsAsync(database, "DailyDigest")).Last();
        Assert.Equal((Berlin(2026, 11, 23, 9), JobOutcome.Skipped), (last.OccurrenceAt, last.Outcome));
    }

    [Fact]
    public async Task RunningRowWithExpiredLease_IsTakenOverOnce_ByAnotherInstance()
    {
        using var database = new TestDatabase();
        var nine = Berlin(2026, 11, 23, 9);
        await AddRunAsync(database, nine, lease: nine.AddMinutes(10), attempt: 1);
        // Already taken over once: a second crash is not retried again.
        await AddRunAsync(database, nine.AddHours(-1), lease: nine.AddHours(-1).AddMinutes(10), attempt: 2);
        var clock = new FakeTimeProvider(nine.AddMinutes(5));
        await using var a = new RunnerInstance(database, clock, log, ["DailyDigest"]);
        await using var b = new RunnerInstance(database, clock, log, ["DailyDigest"]);

        var whileLeased = await a.TickAsync();
        clock.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(a.TickAsync(), b.TickAsync());
        clock.Advance(TimeSpan.FromMinutes(30));
        await Task.WhenAll(a.TickAsync(), b.TickAsync());

        Assert.Empty(whileLeased.Ran);
        Assert.Equal([nine], log.Of("DailyDigest"));
        var runs = await RunsAsync(database, "DailyDigest");
        Assert.Equal((2, JobOutcome.Late), (runs.Last().Attempt, runs.Last().Outcome));
        // Never retried a second time: marked failed instead, so /ops schedule says why.
        Assert.Equal((JobOutcome.Failed, "abandoned by crashed"), (runs.First().Outcome, runs.First().Error));
    }

    [Fact]
    public async Task StoreFailingWhenTheOccurrenceIsClaimed_TheNextTickClaimsAndRunsIt()
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 8, 59));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyRadar"]);
        await instance.TickAsync();
        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER StoreDown BEFORE INSERT ON JobRuns BEGIN SELECT RAISE(ABORT, 'store down'); END");

        clock.Advance(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAnyAsync<Exception>(instance.TickAsync);
        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER StoreDown");
        clock.Advance(TimeSpan.FromMinutes(1));
        await instance.TickAsync();

        Assert.Equal([Berlin(2026, 11, 23, 9)], log.Of("DailyRadar"));
        Assert.Equal(JobOutcome.Succeeded, Assert.Single(await RunsAsync(database, "DailyRadar")).Outcome);
    }

    [Fact]
    public async Task FailingJob_IsRecordedFailed_WithItsError()
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 8, 59).AddSeconds(30));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"]);
        await instance.TickAsync();
        log.FailWith = "digest exploded";

        clock.Advance(TimeSpan.FromSeconds(45));
        var report = await instance.TickAsync();

        var run = Assert.Single(await RunsAsync(database, "DailyDigest"));
        Assert.Equal((JobOutcome.Failed, "digest exploded"), (run.Outcome, run.Error));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(JobOutcome.Failed, Assert.Single(report.Ran).Outcome);
    }

    [Fact]
    public async Task JobWithoutASchedule_IsAClearError_NamingTheKeyToAdd()
    {
        using var database = new TestDatabase();
        await using var instance = new RunnerInstance(database, new FakeTimeProvider(Berlin(2026, 11, 23, 9)), log, ["MonthlyReport"]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(instance.TickAsync);

        Assert.Equal("Scheduled job 'MonthlyReport' has no schedule: add Schedules:MonthlyReport.", error.Message);
    }

    [Fact]
    public async Task GraceWindowFromConfiguration_DecidesLateOrSkipped()
    {
        using var database = new TestDatabase();
        await RunFridayNineAsync(database);
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 10, 30));
        await using var restarted = new RunnerInstance(database, clock, log, ["DailyDigest"], o => o.GraceWindow = TimeSpan.FromHours(1));

        var report = await restarted.TickAsync();

        Assert.Empty(report.Ran);
        Assert.Equal([new("DailyDigest", Berlin(2026, 11, 23, 9))], report.Skipped);
    }

    private async Task RunFridayNineAsync(TestDatabase database)
    {
        var clock = new FakeTimeProvider(Berlin(2026, 11, 20, 8, 59));
        await using var friday = new RunnerInstance(database, clock, log, ["DailyDigest"]);
        await friday.TickAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await friday.TickAsync();
    }

    private static async Task AddRunAsync(TestDatabase database, DateTimeOffset occurrence, DateTimeOffset lease, int attempt)
    {
        await using var db = database.NewContext();
        db.JobRuns.Add(new JobRun
        {
            Job = "DailyDigest", OccurrenceAt = occurrence, Owner = "crashed", Attempt = attempt,
            StartedAt = occurrence, LeaseUntil = lease, Outcome = JobOutcome.Running,
        });
        await db.SaveChangesAsync();
    }
}
