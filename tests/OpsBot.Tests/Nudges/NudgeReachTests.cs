using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Nudges;
using OpsBot.Nudges.Email;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Nudges.NudgeData;

namespace OpsBot.Tests.Nudges;

/// <summary>Who gets what: opted-out creators, creators without a chat identity, email, and each creator's language.</summary>
public sealed class NudgeReachTests : IDisposable
{
    private static readonly DateTimeOffset Afternoon = DateTimeOffset.Parse("2026-11-20T13:00:00Z");
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    private static Action<IServiceCollection> ResendConfigured => s => s.Configure<EmailOptions>(o =>
    {
        o.From = "ops@example.com";
        o.Resend.ApiKey = "re_test";
    });

    [Fact]
    public async Task OptedOutCreator_IsRecordedNotSent_AndAfterResumeIsNudgedAgain()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t1", "c_anna", Afternoon + H(11)));
        await using var slice = new SweepSlice(database, Afternoon);
        await slice.Chat.PressAsync(NudgeSwitchAction.IdFor(NudgeSwitchAction.Stop, "anna"));

        await slice.SweepAsync();
        Assert.Empty(await slice.RemindersAsync());
        var optedOut = Assert.Single(await database.NudgesAsync());
        Assert.Equal((NudgeStatus.OptedOut, NudgeVia.None), (optedOut.Status, optedOut.Via));

        await slice.Chat.PressAsync(NudgeSwitchAction.IdFor(NudgeSwitchAction.Resume, "anna"));
        await database.AddAsync(Thread("t2", "c_anna", Afternoon + H(11.5)));
        slice.Clock.Advance(TimeSpan.FromMinutes(15));
        await slice.SweepAsync();

        var (_, message) = Assert.Single(await slice.RemindersAsync());
        Assert.StartsWith("1 question is due within 12 hours", MessageText.Of(message));
        Assert.Equal(["t1", "t2"], (await database.NudgesAsync()).Select(x => x.ThreadId));
    }

    [Fact]
    public async Task NoChatIdentity_NoEmailConfigured_OneCouldNotNudgeLineInAlerts()
    {
        await database.AddAsync(Creator("c_bo", "bo", email: "bo@example.com"), Creator("c_cy", "cy"),
            Thread("t1", "c_bo", Afternoon + H(11)), Thread("t2", "c_cy", Afternoon + H(6)), Thread("t3", "c_unknown", Afternoon + H(3)));
        await using var slice = new SweepSlice(database, Afternoon);

        await slice.SweepAsync();
        await slice.SweepAsync();

        Assert.Empty(await slice.RemindersAsync());
        var alerts = await database.OutboxAsync();
        var alert = Assert.Single(alerts);
        Assert.Equal((OutboxTargetKind.Channel, nameof(OpsChannel.Alerts)), (alert.TargetKind, alert.TargetId));
        var text = MessageText.Of(ChatMessageJson.Deserialize(alert.Content));
        Assert.Contains("Could not nudge 3 creator(s) about 3 question(s)", text);
        Assert.Contains("bo | t1 | 2026-11-21 01:00 +01:00 | 11 hours | 12 hours", text);
        Assert.Contains("c_unknown | t3", text);
        Assert.All(await database.NudgesAsync(), x => Assert.Equal((NudgeStatus.CouldNotNudge, alert.Key), (x.Status, x.OutboxKey)));
    }

    [Fact]
    public async Task NoChatIdentity_EmailConfigured_SendsAnEmail_ElseCouldNotNudge()
    {
        await database.AddAsync(Creator("c_bo", "bo", email: "bo@example.com"), Creator("c_cy", "cy"),
            Thread("t1", "c_bo", Afternoon + H(11)), Thread("t2", "c_cy", Afternoon + H(6)));
        await using var slice = new SweepSlice(database, Afternoon, services: ResendConfigured);

        await slice.SweepAsync();

        var (item, message) = Assert.Single(await slice.RemindersAsync());
        Assert.Equal((OutboxTargetKind.CreatorEmail, "c_bo"), (item.TargetKind, item.TargetId));
        Assert.Empty(message.Buttons);
        Assert.Contains("To stop these reminders, tell the ops team", MessageText.Of(message));
        var nudges = (await database.NudgesAsync()).ToDictionary(n => n.ThreadId);
        Assert.Equal((NudgeVia.Email, NudgeStatus.Sent), (nudges["t1"].Via, nudges["t1"].Status));
        Assert.Equal(NudgeStatus.CouldNotNudge, nudges["t2"].Status);
    }

    [Fact]
    public async Task EachCreator_IsNudgedInTheirLanguage_ElseTheOpsCulture()
    {
        await database.AddAsync(Creator("c_de", "lena", slackUserId: "U_LENA", locale: "de-AT"), Creator("c_en", "anna", slackUserId: "U_ANNA", locale: "en_GB"),
            Creator("c_fr", "zoe", slackUserId: "U_ZOE", locale: "fr"),
            Thread("t1", "c_de", Afternoon + H(11)), Thread("t2", "c_de", Afternoon + H(10)), Thread("t3", "c_en", Afternoon + H(11)),
            Thread("t4", "c_fr", Afternoon + H(11)));
        await using var slice = new SweepSlice(database, Afternoon, culture: "de");

        await slice.SweepAsync();

        var byCreator = (await slice.RemindersAsync()).ToDictionary(r => r.Item.TargetId, r => MessageText.Of(r.Message));
        Assert.StartsWith("2 Fragen sind innerhalb von 12 Stunden fällig", byCreator["c_de"]);
        Assert.Contains("Frage über 29,99 €", byCreator["c_de"]);
        Assert.Contains("noch 11 Stunden", byCreator["c_de"]);
        Assert.Contains("Diese Erinnerungen abbestellen", byCreator["c_de"]);
        Assert.StartsWith("1 question is due within 12 hours", byCreator["c_en"]);
        // French is not spoken here: the ops culture, German.
        Assert.StartsWith("1 Frage ist innerhalb von 12 Stunden fällig", byCreator["c_fr"]);
    }

    [Fact]
    public async Task ThreadUrl_LinksEachQuestion()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t 1", "c_anna", Afternoon + H(11)));
        await using var slice = new SweepSlice(database, Afternoon,
            services: s => s.Configure<NudgeOptions>(o => o.ThreadUrl = "https://app.example.com/threads/{threadId}"));

        await slice.SweepAsync();

        Assert.Contains("left): https://app.example.com/threads/t%201", MessageText.Of(Assert.Single(await slice.RemindersAsync()).Message));
    }
}
