using OpsBot.Alerts;

namespace OpsBot.Tests.Alerts;

/// <summary>An alert must not flap: it clears only at the clear level, and only after enough clean sweeps in a row.</summary>
public sealed class AlertHysteresisTests
{
    [Fact]
    public async Task CriticalThreads_JustUnderTheRaiseLevel_StaysOpen_ForManySweeps()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        await world.AnswerCriticalAsync(2);
        await world.SweepsAsync(6);

        var alert = Assert.Single(await world.AlertsAsync());
        Assert.Equal((0, (DateTimeOffset?)null), (alert.CleanSweeps, alert.ClearedAt));
        var (posts, updates) = await world.OfSubjectAsync(AlertSubjects.CriticalThreads);
        Assert.Single(posts);
        // 4 is shown once (in place); the six sweeps that read 4 again change nothing.
        Assert.Contains("Open threads with less than 12 h left, overdue included: 4 (alert above 5)", AlertWorld.Content(Assert.Single(updates)).Blocks
            .OfType<OpsBot.Chat.TextBlock>().First().Text.ToString());
    }

    [Fact]
    public async Task CriticalThreads_ClearForOneSweepOnly_StaysOpen_ThenClearsAfterTwoInARow()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        await world.AnswerCriticalAsync(4);     // 2: at the clear level
        await world.NextSweepAsync();
        world.AddCritical(2);                   // 4: above it again, the count restarts
        await world.NextSweepAsync();
        var afterBlip = Assert.Single(await world.AlertsAsync());
        await world.AnswerCriticalAsync(2);     // 2
        await world.NextSweepAsync();
        var afterOneClean = Assert.Single(await world.AlertsAsync());
        await world.NextSweepAsync();

        Assert.Equal((0, (DateTimeOffset?)null), (afterBlip.CleanSweeps, afterBlip.ClearedAt));
        Assert.Equal((1, (DateTimeOffset?)null), (afterOneClean.CleanSweeps, afterOneClean.ClearedAt));
        Assert.Equal(AlertWorld.T0.AddMinutes(60), Assert.Single(await world.AlertsAsync()).ClearedAt);
    }

    [Fact]
    public async Task RetriedSweepOccurrence_DoesNotCountACleanSweepTwice()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        await world.AnswerCriticalAsync(6);
        await world.NextSweepAsync();
        var occurrence = world.Clock.GetUtcNow();
        world.Clock.Advance(TimeSpan.FromMinutes(12));
        await world.SweepAsync(occurrence);

        var alert = Assert.Single(await world.AlertsAsync());
        Assert.Equal((1, (DateTimeOffset?)null), (alert.CleanSweeps, alert.ClearedAt));
    }
}
