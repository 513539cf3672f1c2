using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Nudges.NudgeData;

namespace OpsBot.Tests.Nudges;

public sealed class NudgeSweepTests : IDisposable
{
    /// <summary>Friday 2026-11-20, 14:00 in Berlin: outside the default quiet hours.</summary>
    private static readonly DateTimeOffset Afternoon = DateTimeOffset.Parse("2026-11-20T13:00:00Z");

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Fact]
    public async Task ThreeThreadsCrossingTogether_GetOneDmNamingAllThree()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"),
            Thread("t1", "c_anna", Afternoon + H(11)), Thread("t2", "c_anna", Afternoon + H(11.5), 4999), Thread("t3", "c_anna", Afternoon + H(10)),
            Thread("t_later", "c_anna", Afternoon + H(13)), Thread("t_answered", "c_anna", Afternoon + H(5)));
        await database.AnswerAsync("t_answered", Afternoon - H(1));
        await using var slice = new SweepSlice(database, Afternoon);

        await slice.SweepAsync();

        var (item, message) = Assert.Single(await slice.RemindersAsync());
        Assert.Equal((OutboxTargetKind.CreatorDm, "c_anna"), (item.TargetKind, item.TargetId));
        var text = MessageText.Of(message);
        Assert.StartsWith("3 questions are due within 12 hours", text);
        Assert.Contains("€49.99 question, due 2026-11-21 01:30 +01:00 (11 hours, 30 minutes left)", text);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("• ")));
        Assert.Contains("Stop these reminders", text);
        var nudges = await database.NudgesAsync();
        Assert.Equal(["t1", "t2", "t3"], nudges.Select(n => n.ThreadId).Order());
        Assert.All(nudges, n => Assert.Equal((NudgeStatus.Sent, NudgeVia.Dm, 720, item.Key), (n.Status, n.Via, n.OffsetMinutes, n.OutboxKey)));
    }

    [Fact]
    public async Task RepeatedSweeps_AndTheSameOccurrenceRunAgain_NudgeOncePerThreadAndOffset()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t1", "c_anna", Afternoon + H(11)));
        await using var slice = new SweepSlice(database, Afternoon);

        await slice.SweepAsync();
        // A taken-over occurrence runs again with the same occurrence time.
        await slice.SweepAsync();
        slice.Clock.Advance(TimeSpan.FromMinutes(15));
        await slice.SweepAsync();

        Assert.Single(await slice.RemindersAsync());
        Assert.Single(await database.NudgesAsync());
    }

    [Fact]
    public async Task TakenOverOccurrence_RunLater_SendsTheThreadsThatCrossedMeanwhile()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t1", "c_anna", Afternoon + H(11)));
        await using var slice = new SweepSlice(database, Afternoon);
        await slice.SweepAsync(Afternoon);

        // The occurrence is taken over after its lease expired: same occurrence, later now, and t2 crossed 12 hours meanwhile.
        await database.AddAsync(Thread("t2", "c_anna", Afternoon + H(12) + TimeSpan.FromMinutes(5)));
        slice.Clock.Advance(TimeSpan.FromMinutes(10));
        await slice.SweepAsync(Afternoon);

        var reminders = await slice.RemindersAsync();
        Assert.Equal(2, reminders.Count);
        Assert.Contains("2026-11-21 02:05 +01:00", MessageText.Of(reminders[1].Message));
        var nudges = await database.NudgesAsync();
        Assert.Equal([reminders[0].Item.Key, reminders[1].Item.Key], nudges.Select(n => n.OutboxKey));
    }

    [Fact]
    public async Task TakenOverOccurrence_RunLater_ListsTheUnreachableThreadsThatCrossedMeanwhile()
    {
        await database.AddAsync(Creator("c_bo", "bo"), Thread("t1", "c_bo", Afternoon + H(11)));
        await using var slice = new SweepSlice(database, Afternoon);
        await slice.SweepAsync(Afternoon);

        await database.AddAsync(Thread("t2", "c_bo", Afternoon + H(12) + TimeSpan.FromMinutes(5)));
        slice.Clock.Advance(TimeSpan.FromMinutes(10));
        await slice.SweepAsync(Afternoon);

        var alerts = await slice.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Contains("t2", MessageText.Of(alerts[1]));
        var nudges = await database.NudgesAsync();
        Assert.NotEqual(nudges[0].OutboxKey, nudges[1].OutboxKey);
    }

    [Fact]
    public async Task TwoInstancesSweepingAtOnce_NudgeOnce()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"),
            Thread("t1", "c_anna", Afternoon + H(11)), Thread("t2", "c_anna", Afternoon + H(3)));
        await using var one = new SweepSlice(database, Afternoon);
        await using var two = new SweepSlice(database, Afternoon);

        // Different occurrences, so the runner's claim does not keep them apart: only the unique (thread, offset) key does.
        await Task.WhenAll(one.SweepAsync(Afternoon), two.SweepAsync(Afternoon - TimeSpan.FromMinutes(15)));

        Assert.Single(await one.RemindersAsync());
        Assert.Equal(2, (await database.NudgesAsync()).Count);
    }

    [Fact]
    public async Task SecondOffsetCrossedLater_SendsASecondDm()
    {
        var morning = DateTimeOffset.Parse("2026-11-20T08:00:00Z");
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t1", "c_anna", morning + H(11)));
        await using var slice = new SweepSlice(database, morning, offsets: [H(12), H(2)]);

        await slice.SweepAsync();
        slice.Clock.Advance(H(9));
        await slice.SweepAsync();
        // Exactly 2 hours left is not less than 2 hours away.
        Assert.Single(await slice.RemindersAsync());
        slice.Clock.Advance(TimeSpan.FromMinutes(15));
        await slice.SweepAsync();

        var reminders = await slice.RemindersAsync();
        Assert.Equal(2, reminders.Count);
        Assert.StartsWith("1 question is due within 12 hours", MessageText.Of(reminders[0].Message));
        Assert.StartsWith("1 question is due within 2 hours", MessageText.Of(reminders[1].Message));
        Assert.Equal([720, 120], (await database.NudgesAsync()).Select(n => n.OffsetMinutes));
    }

    [Fact]
    public async Task SeveralOffsetsCrossedAtOnce_SendOneDmForTheSmallest_AndSupersedeTheOthers()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t1", "c_anna", Afternoon + H(1.5)));
        await using var slice = new SweepSlice(database, Afternoon, offsets: [H(12), H(6), H(2)]);

        await slice.SweepAsync();
        slice.Clock.Advance(TimeSpan.FromMinutes(15));
        await slice.SweepAsync();

        var (item, message) = Assert.Single(await slice.RemindersAsync());
        Assert.StartsWith("1 question is due within 2 hours", MessageText.Of(message));
        var nudges = (await database.NudgesAsync()).ToDictionary(n => n.OffsetMinutes);
        Assert.Equal(NudgeStatus.Sent, nudges[120].Status);
        Assert.Equal((NudgeStatus.Superseded, NudgeVia.None, item.Key), (nudges[360].Status, nudges[360].Via, nudges[360].OutboxKey));
        Assert.Equal(NudgeStatus.Superseded, nudges[720].Status);
    }

    [Fact]
    public async Task QuietHours_HoldTheNudge_UntilTheyEnd()
    {
        var lateEvening = DateTimeOffset.Parse("2026-11-20T22:30:00Z"); // 23:30 in Berlin
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t1", "c_anna", lateEvening + H(11)));
        await using var slice = new SweepSlice(database, lateEvening);

        await slice.SweepAsync();
        slice.Clock.Advance(H(8.25)); // 07:45 in Berlin
        await slice.SweepAsync();
        Assert.Empty(await slice.RemindersAsync());
        Assert.Empty(await database.NudgesAsync());

        slice.Clock.Advance(TimeSpan.FromMinutes(15)); // 08:00
        await slice.SweepAsync();

        var (_, message) = Assert.Single(await slice.RemindersAsync());
        Assert.Contains("2 hours, 30 minutes left", MessageText.Of(message));
        Assert.Equal(DateTimeOffset.Parse("2026-11-21T07:00:00Z"), Assert.Single(await database.NudgesAsync()).At);
    }

    [Fact]
    public async Task QuietHours_DeadlineBeforeTheyEnd_IsNudgedNow_TheOthersWait()
    {
        var lateEvening = DateTimeOffset.Parse("2026-11-20T22:30:00Z");
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"),
            Thread("t_night", "c_anna", lateEvening + H(5)), Thread("t_morning", "c_anna", lateEvening + H(11)));
        await using var slice = new SweepSlice(database, lateEvening);

        await slice.SweepAsync();

        var (_, message) = Assert.Single(await slice.RemindersAsync());
        Assert.StartsWith("1 question is due within 12 hours", MessageText.Of(message));
        Assert.Equal("t_night", Assert.Single(await database.NudgesAsync()).ThreadId);
    }

    [Fact]
    public async Task QuietHours_AreReadInTheCreatorsTimeZone()
    {
        var noon = DateTimeOffset.Parse("2026-11-20T12:00:00Z"); // 13:00 in Berlin, 07:00 in New York
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Creator("c_nick", "nick", slackUserId: "U_NICK", timeZone: "America/New_York"),
            Thread("t_anna", "c_anna", noon + H(11)), Thread("t_nick", "c_nick", noon + H(11)));
        await using var slice = new SweepSlice(database, noon);

        await slice.SweepAsync();
        Assert.Equal(["c_anna"], (await slice.RemindersAsync()).Select(r => r.Item.TargetId));

        slice.Clock.Advance(H(1)); // 08:00 in New York
        await slice.SweepAsync();
        var nick = (await slice.RemindersAsync())[1];
        Assert.Equal("c_nick", nick.Item.TargetId);
        Assert.Contains("due 2026-11-20 18:00 -05:00", MessageText.Of(nick.Message));
        Assert.Contains("Times in America/New_York", MessageText.Of(nick.Message));
    }
}
