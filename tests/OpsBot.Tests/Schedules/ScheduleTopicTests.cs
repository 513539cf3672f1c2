using Microsoft.Extensions.Time.Testing;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Fixtures.MessageText;
using static OpsBot.Tests.Schedules.RunnerInstance;

namespace OpsBot.Tests.Schedules;

public sealed class ScheduleTopicTests
{
    private readonly JobLog log = new();

    /// <summary>Runs the Monday 09:00 daily digest (optionally failing), then asks <c>/ops schedule</c> at 09:10.</summary>
    private async Task<string> ScheduleAfterNineAsync(string culture, string? failWith = null)
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(Berlin(2026, 11, 23, 8, 59));
        await using var instance = new RunnerInstance(database, clock, log, ["DailyDigest"], culture: culture);
        await instance.TickAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        log.FailWith = failWith;
        await instance.TickAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        var reply = await instance.Chat.RunAsync("/ops schedule");
        return Of(reply.Message);
    }

    [Fact]
    public async Task Schedule_ShowsEachJobsCron_NextThreeRuns_AndLastOutcome()
    {
        var text = await ScheduleAfterNineAsync("en");

        Assert.Contains("Daily digest 0 9 * * 1-5", text);
        Assert.Contains("Next: 2026-11-24 09:00 +01:00, 2026-11-25 09:00 +01:00, 2026-11-26 09:00 +01:00", text);
        Assert.Contains("Last: 2026-11-23 09:00 +01:00, started 2026-11-23 09:00 +01:00, took 0 seconds: succeeded", text);
        Assert.Contains("Weekly digest 0 9 * * 1", text);
        Assert.Contains("Next: nothing runs yet", text);
        Assert.Contains("Last: never run", text);
        Assert.Contains("Times in Europe/Berlin", text);
    }

    [Fact]
    public async Task Schedule_InGerman_ShowsAFailureWithItsError()
    {
        var text = await ScheduleAfterNineAsync("de", failWith: "Digest kaputt");

        Assert.StartsWith("Zeitpläne", text);
        Assert.Contains("Täglicher Digest 0 9 * * 1-5", text);
        Assert.Contains("Nächste: 2026-11-24 09:00 +01:00, 2026-11-25 09:00 +01:00, 2026-11-26 09:00 +01:00", text);
        Assert.Contains("Zuletzt: 2026-11-23 09:00 +01:00, gestartet 2026-11-23 09:00 +01:00, Dauer 0 Sekunden: fehlgeschlagen", text);
        Assert.Contains("Fehler: Digest kaputt", text);
        Assert.Contains("Zuletzt: noch nie gelaufen", text);
    }
}
