using OpsBot.Chat;
using OpsBot.Nudges;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Nudges.NudgeData;

namespace OpsBot.Tests.Nudges;

/// <summary><c>/ops nudges [@creator]</c> and its stop/resume buttons, through the real dispatcher.</summary>
public sealed class NudgesTopicTests : IDisposable
{
    private static readonly DateTimeOffset Afternoon = DateTimeOffset.Parse("2026-11-20T13:00:00Z");
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    /// <summary>Anna nudged about two questions, Bo opted out, Cy unreachable; then the listing is asked an hour later.</summary>
    private async Task<SweepSlice> NudgedAsync(string culture)
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Creator("c_bo", "bo", slackUserId: "U_BO"), Creator("c_cy", "cy"),
            Thread("t1", "c_anna", Afternoon + TimeSpan.FromHours(11)), Thread("t2", "c_anna", Afternoon + TimeSpan.FromHours(3)),
            Thread("t3", "c_bo", Afternoon + TimeSpan.FromHours(4)), Thread("t4", "c_cy", Afternoon + TimeSpan.FromHours(5)));
        var slice = new SweepSlice(database, Afternoon, culture: culture);
        await slice.Chat.PressAsync(NudgeSwitchAction.IdFor(NudgeSwitchAction.Stop, "bo"));
        await slice.SweepAsync();
        slice.Clock.Advance(TimeSpan.FromHours(1));
        return slice;
    }

    [Fact]
    public async Task Nudges_ListsTheLastSevenDays_NewestFirst_ForEveryone()
    {
        await using var slice = await NudgedAsync("en");

        var text = MessageText.Of((await slice.Chat.RunAsync("/ops nudges")).Message);

        Assert.StartsWith("Nudges, last 7 days", text);
        Assert.Contains("When | Creator | Question | Reminder | Via | Status", text);
        Assert.Contains("2026-11-20 14:00 +01:00 | anna | t1 | 12 hours | DM | sent", text);
        Assert.Contains("anna | t2 | 12 hours | DM | sent", text);
        Assert.Contains("bo | t3 | 12 hours | – | opted out", text);
        Assert.Contains("cy | t4 | 12 hours | – | could not nudge", text);
        Assert.Contains("Since 2026-11-13 15:00 +01:00. Times in Europe/Berlin.", text);
    }

    [Fact]
    public async Task NudgesForACreator_ShowsTheirNudges_TheirState_AndTheSwitch()
    {
        await using var slice = await NudgedAsync("en");

        var anna = (await slice.Chat.RunAsync("/ops nudges @anna")).Message;
        var bo = (await slice.Chat.RunAsync("/ops nudges @BO")).Message;

        var annaText = MessageText.Of(anna);
        Assert.StartsWith("Nudges for anna, last 7 days", annaText);
        Assert.Contains("Nudges for anna: on.", annaText);
        Assert.DoesNotContain("| bo |", annaText);
        Assert.Equal("nudges.stop:anna", Assert.Single(anna.Buttons).ActionId);
        var boText = MessageText.Of(bo);
        Assert.Contains("Nudges for bo: stopped by Olga Ops (playground:u_ops), 2026-11-20 14:00 +01:00.", boText);
        Assert.Equal("nudges.resume:bo", Assert.Single(bo.Buttons).ActionId);
    }

    [Fact]
    public async Task ResumeButton_RedrawsTheAnswer_WithTheStopButton()
    {
        await using var slice = await NudgedAsync("en");

        var result = await slice.Chat.PressAsync("nudges.resume:bo");

        var redrawn = Assert.IsType<ChatMessage>(result.UpdateOriginal);
        Assert.Contains("Nudges for bo: on (resumed by Olga Ops (playground:u_ops), 2026-11-20 15:00 +01:00).", MessageText.Of(redrawn));
        Assert.Equal("nudges.stop:bo", Assert.Single(redrawn.Buttons).ActionId);
    }

    [Fact]
    public async Task NudgesForAnUnknownCreator_SaysSo_AndSuggests()
    {
        await using var slice = await NudgedAsync("en");

        var reply = (await slice.Chat.RunAsync("/ops nudges @ana")).Message;

        Assert.Contains("ana", reply.Fallback);
        Assert.Contains("anna", MessageText.Of(reply));
        Assert.Contains(reply.Buttons, b => b.ActionId == "creator.show:anna");
    }

    [Fact]
    public async Task Nudges_NoneYet_SaysSo()
    {
        await using var slice = new SweepSlice(database, Afternoon);

        var text = MessageText.Of((await slice.Chat.RunAsync("/ops nudges")).Message);

        Assert.Contains("No nudges in the last 7 days.", text);
    }

    [Fact]
    public async Task Nudges_InGerman()
    {
        await using var slice = await NudgedAsync("de");

        var text = MessageText.Of((await slice.Chat.RunAsync("/ops nudges @bo")).Message);

        Assert.StartsWith("Erinnerungen für bo, letzte 7 Tage", text);
        Assert.Contains("Wann | Creator | Frage | Erinnerung | Über | Status", text);
        Assert.Contains("bo | t3 | 12 Stunden | – | abbestellt", text);
        Assert.Contains("Erinnerungen für bo: gestoppt von Olga Ops", text);
        Assert.Contains("Erinnerungen einschalten", text);
    }
}
