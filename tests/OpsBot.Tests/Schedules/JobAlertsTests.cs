using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Schedules.RunnerInstance;

namespace OpsBot.Tests.Schedules;

/// <summary>A job that failed or did not run is said in the alerts channel, once.</summary>
public sealed class JobAlertsTests
{
    private readonly JobLog log = new();

    [Fact]
    public async Task FailingJob_RaisesOneAlertWithItsError_EvenOverRepeatedTicks()
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 8, 59));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"]);
        await instance.TickAsync();
        log.FailWith = "digest exploded";

        clock.Advance(TimeSpan.FromMinutes(2));
        await instance.TickAsync();
        await instance.TickAsync();

        var alert = Assert.Single(await AlertsAsync(database));
        Assert.StartsWith("job.failed:DailyDigest:2026-11-23T08:00Z", alert.Key);
        Assert.Contains("digest exploded", Fallback(alert));
        Assert.Contains("Daily digest", Fallback(alert));
    }

    [Fact]
    public async Task MissedBeyondGrace_RaisesOneSkippedAlert()
    {
        using var database = new TestDatabase();
        await RunFridaysDigestThenStopAsync(database);
        var monday = new FakeTimeProvider(Berlin(2026, 11, 23, 15, 30));
        await using var restarted = new RunnerInstance(database, monday, log, ["DailyDigest"]);

        await restarted.TickAsync();
        await restarted.TickAsync();

        var alert = Assert.Single(await AlertsAsync(database));
        Assert.Equal("job.skipped:DailyDigest:2026-11-23T08:00Z", alert.Key);
        Assert.Contains("did not run", Fallback(alert));
    }

    [Fact]
    public async Task MissedWhileDown_TheLatestCaughtUpLate_TheAlertSaysSo()
    {
        using var database = new TestDatabase();
        await RunFridaysDigestThenStopAsync(database);
        // Back on Tuesday 11:00: Monday's run is older than the grace window, Tuesday's 09:00 is inside it.
        var tuesday = new FakeTimeProvider(Berlin(2026, 11, 24, 11, 0));
        await using var restarted = new RunnerInstance(database, tuesday, log, ["DailyDigest"]);

        await restarted.TickAsync();

        var alert = Assert.Single(await AlertsAsync(database));
        Assert.Equal("job.skipped:DailyDigest:2026-11-23T08:00Z", alert.Key);
        Assert.Contains("1 occurrence(s) up to 2026-11-23 09:00 +01:00 did not run while no OpsBot was up; only the latest, 2026-11-24 09:00 +01:00, is caught up (late)",
            Fallback(alert));
    }

    [Fact]
    public async Task FailureWhoseAlertCannotBeStored_IsNotRecordedEither_AndIsReportedWhenRunAgain()
    {
        using var database = new TestDatabase();
        var store = new FailingOutboxWrites();
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 8, 59));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"], services: store.Use);
        await instance.TickAsync();
        log.FailWith = "digest exploded";
        store.Armed = true;

        clock.Advance(TimeSpan.FromMinutes(2));
        await Assert.ThrowsAsync<DbUpdateException>(instance.TickAsync);

        // Not "failed" without its alert: still running, so the lease's expiry brings it back.
        Assert.Equal(JobOutcome.Running, Assert.Single(await RunsAsync(database, "DailyDigest")).Outcome);
        Assert.Empty(await AlertsAsync(database));
        store.Armed = false;
        clock.Advance(TimeSpan.FromMinutes(11));
        await instance.TickAsync();
        var run = Assert.Single(await RunsAsync(database, "DailyDigest"));
        Assert.Equal((JobOutcome.Failed, 2), (run.Outcome, run.Attempt));
        Assert.StartsWith("job.failed:DailyDigest:2026-11-23T08:00Z", Assert.Single(await AlertsAsync(database)).Key);
    }

    [Fact]
    public async Task SkipWhoseAlertCannotBeStored_IsNotRecordedEither_AndIsReportedOnTheNextTick()
    {
        using var database = new TestDatabase();
        await RunFridaysDigestThenStopAsync(database);
        var store = new FailingOutboxWrites { Armed = true };
        var monday = new FakeTimeProvider(Berlin(2026, 11, 23, 15, 30));
        await using var restarted = new RunnerInstance(database, monday, log, ["DailyDigest"], services: store.Use);

        await Assert.ThrowsAsync<DbUpdateException>(restarted.TickAsync);
        Assert.Single(await RunsAsync(database, "DailyDigest"));
        store.Armed = false;
        var report = await restarted.TickAsync();

        Assert.Equal([new("DailyDigest", Berlin(2026, 11, 23, 9))], report.Skipped);
        Assert.Equal("job.skipped:DailyDigest:2026-11-23T08:00Z", Assert.Single(await AlertsAsync(database)).Key);
    }

    [Fact]
    public async Task SucceedingJob_RaisesNothing()
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 8, 59));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"]);
        await instance.TickAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        await instance.TickAsync();

        Assert.Single(log.Of("DailyDigest"));
        Assert.Empty(await AlertsAsync(database));
    }

    /// <summary>An instance that ran Friday's 09:00 digest and then stopped: what it missed afterwards is caught up on restart.</summary>
    private async Task RunFridaysDigestThenStopAsync(TestDatabase database)
    {
        var friday = new FakeTimeProvider(Berlin(2026, 11, 20, 8, 59));
        await using var first = new RunnerInstance(database, friday, log, ["DailyDigest"]);
        await first.TickAsync();
        friday.Advance(TimeSpan.FromMinutes(2));
        await first.TickAsync();
    }

    private static async Task<List<OutboxMessage>> AlertsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var alerts = OutboxTarget.Channel(OpsChannel.Alerts);
        return await db.Set<OutboxMessage>().Where(m => m.TargetKind == OutboxTargetKind.Channel && m.TargetId == alerts.Id).ToListAsync();
    }

    private static string Fallback(OutboxMessage message) => ChatMessageJson.Deserialize(message.Content).Fallback;
}
