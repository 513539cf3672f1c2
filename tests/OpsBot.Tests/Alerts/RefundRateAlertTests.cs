using OpsBot.Alerts;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Alerts.AlertWorld;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Alerts;

public sealed class RefundRateAlertTests
{
    [Fact]
    public async Task WeeklyRefundRate_Over5Percent_ShowsItsCauses_SlaMissAgainstContent()
    {
        await using var world = new AlertWorld();
        AlertScenarios.WeekWithRefunds(world);

        await world.SweepAsync();

        var alert = Assert.Single(await world.AlertsAsync());
        Assert.Equal((AlertSubjects.WeeklyRefundRate, AlertKind.WeeklyRefundRate), (alert.Subject, alert.Kind));
        var message = Content(Assert.Single(await world.OutboxAsync()));
        Assert.Contains("Refund rate over the last 7 days 15.0%: 3 refunds (€45.00), 20 threads created (alert above 5.0%)", MessageText.Of(message));
        Assert.Equal("2 · €20.00", MessageText.Field(message, "SLA miss"));
        Assert.Equal("1 · €25.00", MessageText.Field(message, "Content (poor answer)"));
        Assert.Equal("0 · €0.00", MessageText.Field(message, "Other"));
        Assert.Equal("⚠ Weekly refund rate: refund rate 15.0% over the last 7 days (SLA miss 2, content 1, other 0)", message.Fallback);
    }

    [Fact]
    public async Task WeeklyRefundRate_InGerman_NamesTheCausesInGerman()
    {
        await using var world = new AlertWorld(culture: "de");
        AlertScenarios.WeekWithRefunds(world);

        await world.SweepAsync();

        var message = Content(Assert.Single(await world.OutboxAsync()));
        Assert.Equal("2 · 20,00 €", MessageText.Field(message, "SLA-Miss"));
        Assert.Equal("1 · 25,00 €", MessageText.Field(message, "Inhalt (schlechte Antwort)"));
        Assert.Contains("Ausgelöst 2026-11-20 10:00 +01:00", MessageText.Of(message));
    }

    [Fact]
    public async Task WeeklyRefundRate_DownToExactlyTheRaiseLevel_StaysOpen_BelowTheMarginClears()
    {
        await using var world = new AlertWorld();
        AlertScenarios.WeekWithRefunds(world);
        await world.SweepAsync();
        world.AddAnswered(world.Cara, At("2026-11-17T08:00:00Z"), 40);    // 3 of 60: 5.0%, not above 5% but above the 4% clear level
        await world.SweepsAsync(3);
        var atLevel = Assert.Single(await world.AlertsAsync());
        world.AddAnswered(world.Cara, At("2026-11-17T08:00:00Z"), 15);    // 3 of 75: 4.0%, at the clear level
        await world.SweepsAsync(2);

        Assert.Equal((0, (DateTimeOffset?)null), (atLevel.CleanSweeps, atLevel.ClearedAt));
        Assert.Equal(T0.AddMinutes(75), Assert.Single(await world.AlertsAsync()).ClearedAt);
    }

    [Fact]
    public async Task CreatorRefundRate_RaisedPerCreator_WithTheirHandle()
    {
        await using var world = new AlertWorld();
        AlertScenarios.AnnaAt15Percent(world);

        await world.SweepAsync();

        var alert = Assert.Single(await world.AlertsAsync());
        Assert.Equal(("refund-rate:c_anna", AlertKind.CreatorRefundRate), (alert.Subject, alert.Kind));
        var message = Content(Assert.Single(await world.OutboxAsync()));
        Assert.Equal("⚠ High refund rate @anna: @anna: refund rate 15.0% (3 of 20 threads)", message.Fallback);
        Assert.Contains("Refund rate 15.0%: 3 refunds, 20 threads created in the last 30 days (alert above 10.0% with at least 10 threads)", MessageText.Of(message));
        Assert.Contains("all clear at 9.0% or less for 2 sweeps in a row", MessageText.Of(message));
    }

    [Fact]
    public async Task CreatorRefundRate_AtTenPercent_StaysOpen_AtNinePercentClears()
    {
        await using var world = new AlertWorld();
        var anna = AlertScenarios.AnnaAt15Percent(world);
        await world.SweepAsync();
        world.AddAnswered(anna, At("2026-11-09T08:00:00Z"), 10);     // 3 of 30: no longer flagged, above 9%
        await world.SweepsAsync(3);
        var atTen = Assert.Single(await world.AlertsAsync());
        world.AddAnswered(anna, At("2026-11-09T08:00:00Z"), 4);      // 3 of 34: 8.8%
        await world.SweepsAsync(2);

        Assert.Equal((0, (DateTimeOffset?)null), (atTen.CleanSweeps, atTen.ClearedAt));
        var (posts, updates) = await world.OfSubjectAsync("refund-rate:c_anna");
        Assert.Equal(T0.AddMinutes(75), Assert.Single(await world.AlertsAsync()).ClearedAt);
        Assert.Equal(2, posts.Count);
        Assert.Contains("@anna: refund rate 8.8% (3 of 34 threads)", posts[1].Content);
        Assert.Contains("3 refunds, 30 threads created", MessageText.Of(Content(updates[0])));
    }
}
