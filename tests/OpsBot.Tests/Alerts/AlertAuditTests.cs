using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;

namespace OpsBot.Tests.Alerts;

/// <summary>Every alert step is in the audit log, once, with the figures before and after.</summary>
public sealed class AlertAuditTests
{
    [Fact]
    public async Task RaisedUpdatedCleared_EachWriteOneAuditLine_AndUnchangedSweepsWriteNone()
    {
        await using var world = new AlertWorld();
        world.AddCritical(6);
        await world.SweepAsync();
        await world.SweepAsync(AlertWorld.T0);       // a retried occurrence
        world.AddCritical(2);
        await world.NextSweepAsync();
        await world.SweepsAsync(2);                  // unchanged
        await world.AnswerCriticalAsync(6);
        await world.SweepsAsync(2);                  // clear level: figures change, then the all clear

        await using var db = world.Store.NewContext();
        var lines = await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.AlertRaised, AuditActions.AlertUpdated, AuditActions.AlertUpdated, AuditActions.AlertCleared], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal(("opsbot", "alert critical-threads"), (l.Actor, l.Subject)));
        Assert.Equal((null, "critical=6;warn=12;above=5;clear=3"), (lines[0].Before, lines[0].After));
        Assert.Equal(("critical=6;warn=12;above=5;clear=3", "critical=8;warn=12;above=5;clear=3"), (lines[1].Before, lines[1].After));
        Assert.Equal(("critical=8;warn=12;above=5;clear=3", "critical=2;warn=12;above=5;clear=3"), (lines[2].Before, lines[2].After));
        Assert.Equal(("critical=2;warn=12;above=5;clear=3", "critical=2;warn=12;above=5;clear=3"), (lines[3].Before, lines[3].After));
    }
}
