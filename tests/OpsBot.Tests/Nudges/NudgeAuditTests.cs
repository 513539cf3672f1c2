using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Nudges;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Nudges.NudgeData;

namespace OpsBot.Tests.Nudges;

/// <summary>Every nudge, sent or not, and every opt-out switch is in the audit log, once.</summary>
public sealed class NudgeAuditTests : IDisposable
{
    private static readonly DateTimeOffset Afternoon = DateTimeOffset.Parse("2026-11-20T13:00:00Z");
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<List<OpsBot.Data.AuditEntry>> LinesAsync()
    {
        await using var db = database.NewContext();
        return await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task SentAndUnreachableNudges_AreAuditedOnce_AcrossRepeatedSweeps()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Creator("c_bo", "bo"),
            Thread("t1", "c_anna", Afternoon.AddHours(11)), Thread("t2", "c_bo", Afternoon.AddHours(10)));
        await using var slice = new SweepSlice(database, Afternoon);

        await slice.SweepAsync();
        await slice.SweepAsync();

        var lines = await LinesAsync();
        Assert.Equal(2, lines.Count);
        var sent = Assert.Single(lines, l => l.ThreadId == "t1");
        Assert.Equal((AuditActions.NudgeSent, "opsbot", "c_anna", "Sent via Dm"), (sent.Action, sent.Actor, sent.CreatorId, sent.After));
        Assert.Equal("deadline within 720 minutes (nudge:t1:720m)", sent.Why);
        var missed = Assert.Single(lines, l => l.ThreadId == "t2");
        Assert.Equal((AuditActions.NudgeNotSent, "CouldNotNudge via None"), (missed.Action, missed.After));
    }

    [Fact]
    public async Task OptOut_AndResume_AreAuditedWithWhoAndBeforeAfter()
    {
        await database.AddAsync(Creator("c_anna", "anna"));
        await using var slice = new SweepSlice(database, Afternoon);

        await slice.Chat.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<NudgeSettings>().SetAsync("c_anna", optedOut: true, ChatSlice.Actor, CancellationToken.None);
            return await sp.GetRequiredService<NudgeSettings>().SetAsync("c_anna", optedOut: false, ChatSlice.Actor, CancellationToken.None);
        });

        var lines = await LinesAsync();
        Assert.Equal([("nudged", "opted out"), ("opted out", "nudged")], lines.Select(l => (l.Before, l.After)));
        Assert.All(lines, l => Assert.Equal((AuditActions.NudgeSettingChanged, "playground:u_ops", "c_anna"), (l.Action, l.Actor, l.CreatorId)));
    }
}
