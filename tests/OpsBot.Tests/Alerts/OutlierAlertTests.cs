using OpsBot.Alerts;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Alerts.AlertWorld;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Alerts;

public sealed class OutlierAlertTests
{
    [Fact]
    public async Task LowAnswerRate_RaisedWithHandleFiguresAndReason()
    {
        await using var world = new AlertWorld();
        AlertScenarios.BobAt20Percent(world);

        await world.SweepAsync();

        var alert = Assert.Single(await world.AlertsAsync());
        Assert.Equal(("outlier:c_bob", AlertKind.Outlier), (alert.Subject, alert.Kind));
        var text = MessageText.All(Content(Assert.Single(await world.OutboxAsync())));
        Assert.Contains("⚠ Creator outlier @bob", text);
        Assert.Contains("Answer rate 20.0% of threads due (5; minimum 60.0%). Mean reply 5 h against 48 h allowed (answered: 1).", text);
        Assert.Contains("Flagged for: low answer rate.", text);
    }

    [Fact]
    public async Task AnswerRateBackToExactlyTheMinimum_StaysOpen_AboveTheMarginClears()
    {
        await using var world = new AlertWorld();
        var bob = AlertScenarios.BobAt20Percent(world);
        await world.SweepAsync();
        world.AddAnswered(bob, At("2026-11-11T08:00:00Z"), 5);     // 6 of 10: 60%, not under the minimum, under 61%
        await world.SweepsAsync(3);
        var atMinimum = Assert.Single(await world.AlertsAsync());
        world.AddAnswered(bob, At("2026-11-11T08:00:00Z"), 1);     // 7 of 11: 63.6%
        await world.SweepsAsync(2);

        Assert.Equal((0, (DateTimeOffset?)null), (atMinimum.CleanSweeps, atMinimum.ClearedAt));
        var (_, updates) = await world.OfSubjectAsync("outlier:c_bob");
        Assert.Contains("No longer flagged.", MessageText.Of(Content(updates[0])));
        Assert.StartsWith("✅ All clear: Creator outlier @bob", Content(updates[^1]).Fallback);
        Assert.Equal(T0.AddMinutes(75), Assert.Single(await world.AlertsAsync()).ClearedAt);
    }
}
