using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Schedules.RunnerInstance;

namespace OpsBot.Tests.Schedules;

/// <summary>A run whose instance crashed and that no instance will retry: marked failed, said once in the alerts channel.</summary>
public sealed class AbandonedRunTests
{
    private static readonly DateTimeOffset Nine = Berlin(2026, 11, 23, 9);
    private readonly JobLog log = new();

    [Fact]
    public async Task CrashedSecondAttempt_TwoInstancesTicking_MarkedFailedOnce_WithOneAlert()
    {
        using var database = new TestDatabase();
        await AddRunningAsync(database, Nine, attempt: 2, leaseUntil: Nine.AddMinutes(20));
        var clock = new FakeTimeProvider(Nine.AddMinutes(25));
        await using var a = new RunnerInstance(database, clock, log, ["DailyDigest"]);
        await using var b = new RunnerInstance(database, clock, log, ["DailyDigest"]);

        var first = await Task.WhenAll(a.TickAsync(), b.TickAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(a.TickAsync(), b.TickAsync());

        Assert.Single(first.SelectMany(r => r.Abandoned));
        var run = Assert.Single(await RunsAsync(database, "DailyDigest"));
        Assert.Equal((JobOutcome.Failed, "abandoned by crashed", (DateTimeOffset?)Nine.AddMinutes(25)), (run.Outcome, run.Error, run.FinishedAt));
        Assert.Empty(log.Of("DailyDigest"));
        var alert = Assert.Single(await AlertsAsync(database));
        Assert.Equal("job.abandoned:DailyDigest:2026-11-23T08:00Z", alert.Key);
        Assert.Contains("Daily digest", Fallback(alert));
        Assert.Contains("never finished: abandoned by crashed", Fallback(alert));
    }

    [Fact]
    public async Task CrashedFirstAttempt_OlderThanGrace_IsNotRetried_ButMarkedFailed()
    {
        using var database = new TestDatabase();
        await AddRunningAsync(database, Nine, attempt: 1, leaseUntil: Nine.AddMinutes(10));
        var clock = new FakeTimeProvider(Nine.AddHours(7));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"]);

        var report = await instance.TickAsync();

        Assert.Empty(report.Ran);
        Assert.Equal([new("DailyDigest", Nine, JobOutcome.Failed, "abandoned by crashed")], report.Abandoned);
        Assert.Equal(JobOutcome.Failed, Assert.Single(await RunsAsync(database, "DailyDigest")).Outcome);
        Assert.Single(await AlertsAsync(database));
    }

    [Fact]
    public async Task SecondAttemptStillLeased_IsLeftRunning_WithoutAlert()
    {
        using var database = new TestDatabase();
        await AddRunningAsync(database, Nine, attempt: 2, leaseUntil: Nine.AddMinutes(20));
        var clock = new FakeTimeProvider(Nine.AddMinutes(15));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"]);

        var report = await instance.TickAsync();

        Assert.Empty(report.Abandoned);
        Assert.Equal(JobOutcome.Running, Assert.Single(await RunsAsync(database, "DailyDigest")).Outcome);
        Assert.Empty(await AlertsAsync(database));
    }

    [Fact]
    public async Task OpsSchedule_AfterACrash_ShowsTheRunFailedAndWhy()
    {
        using var database = new TestDatabase();
        await AddRunningAsync(database, Nine, attempt: 2, leaseUntil: Nine.AddMinutes(20));
        var clock = new FakeTimeProvider(Nine.AddMinutes(25));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"]);
        await instance.TickAsync();

        var text = MessageText.Of((await instance.Chat.RunAsync("/ops schedule")).Message);

        Assert.Contains("Last: 2026-11-23 09:00 +01:00, started 2026-11-23 09:00 +01:00: failed", text);
        Assert.Contains("Error: abandoned by crashed", text);
    }

    private static async Task AddRunningAsync(TestDatabase database, DateTimeOffset occurrence, int attempt, DateTimeOffset leaseUntil)
    {
        await using var db = database.NewContext();
        db.JobRuns.Add(new JobRun
        {
            Job = "DailyDigest", OccurrenceAt = occurrence, Owner = "crashed", Attempt = attempt,
            StartedAt = occurrence, LeaseUntil = leaseUntil, Outcome = JobOutcome.Running,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<List<OutboxMessage>> AlertsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.OutboxMessages.Where(m => m.TargetKind == OutboxTargetKind.Channel && m.TargetId == nameof(OpsChannel.Alerts)).ToListAsync();
    }

    private static string Fallback(OutboxMessage message) => ChatMessageJson.Deserialize(message.Content).Fallback;
}
