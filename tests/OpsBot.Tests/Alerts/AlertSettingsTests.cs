using Microsoft.Extensions.Options;
using OpsBot.Alerts;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Alerts.AlertWorld;

namespace OpsBot.Tests.Alerts;

/// <summary>Every threshold comes from configuration: one setting changed, a different outcome; a bad one stops the start.</summary>
public sealed class AlertSettingsTests
{
    /// <summary>All four conditions at once: 6 critical threads, bob at 20%, anna at 15%, the week at 3 refunds of 26 threads.</summary>
    private static async Task<HashSet<string>> RaisedAsync(IDictionary<string, string?>? settings = null)
    {
        await using var world = new AlertWorld(settings);
        world.AddCritical(6);
        AlertScenarios.WeekWithRefunds(world);
        AlertScenarios.AnnaAt15Percent(world);
        AlertScenarios.BobAt20Percent(world);
        await world.SweepAsync();
        return [.. (await world.AlertsAsync()).Select(a => a.Subject)];
    }

    [Theory]
    [InlineData("Alerts:CriticalThreads", "100", AlertSubjects.CriticalThreads)]
    [InlineData("OpsBot:HighRefundRate:RateAbove", "0.15", "refund-rate:c_anna")]
    [InlineData("OpsBot:HighRefundRate:MinThreads", "100", "refund-rate:c_anna")]
    [InlineData("OpsBot:WarnHours", "4", AlertSubjects.CriticalThreads)]
    [InlineData("Alerts:WeeklyRefundRate", "0.2", AlertSubjects.WeeklyRefundRate)]
    [InlineData("OpsBot:Outliers:MinAnswerRate", "0.2", "outlier:c_bob")]
    [InlineData("OpsBot:Outliers:MinSample", "6", "outlier:c_bob")]
    public async Task RaiseLevelSetting_DecidesWhetherItsSubjectIsRaised(string key, string value, string subject)
    {
        var byDefault = await RaisedAsync();
        var changed = await RaisedAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Equal([AlertSubjects.CriticalThreads, "outlier:c_bob", "refund-rate:c_anna", AlertSubjects.WeeklyRefundRate], byDefault.Order(StringComparer.Ordinal));
        Assert.Equal(byDefault.Where(s => s != subject).Order(StringComparer.Ordinal), changed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClearAfterSweeps_One_ClearsAtTheFirstCleanSweep()
    {
        await using var world = new AlertWorld(new Dictionary<string, string?> { ["Alerts:ClearAfterSweeps"] = "1" });
        world.AddCritical(6);
        await world.SweepAsync();
        await world.AnswerCriticalAsync(3);

        await world.NextSweepAsync();

        Assert.Equal(T0.AddMinutes(15), Assert.Single(await world.AlertsAsync()).ClearedAt);
    }

    [Fact]
    public async Task CriticalThreadsClearMargin_Zero_ClearsJustUnderTheRaiseLevel()
    {
        await using var world = new AlertWorld(new Dictionary<string, string?> { ["Alerts:CriticalThreadsClearMargin"] = "0" });
        world.AddCritical(6);
        await world.SweepAsync();
        await world.AnswerCriticalAsync(1);

        await world.SweepsAsync(2);

        Assert.Equal(T0.AddMinutes(30), Assert.Single(await world.AlertsAsync()).ClearedAt);
    }

    [Fact]
    public async Task RateClearMargin_Zero_ClearsACreatorAtTheRaiseLevel()
    {
        await using var world = new AlertWorld(new Dictionary<string, string?> { ["Alerts:RateClearMargin"] = "0" });
        var anna = AlertScenarios.AnnaAt15Percent(world);
        await world.SweepAsync();
        world.AddAnswered(anna, OpsBot.Tests.Metrics.MetricsFixture.At("2026-11-09T08:00:00Z"), 10);    // 3 of 30: 10%

        await world.SweepsAsync(2);

        Assert.Equal(T0.AddMinutes(30), Assert.Single(await world.AlertsAsync()).ClearedAt);
    }

    /// <param name="named">What the error must name: the full key for the sweep's own settings, the member for the digest's shared ones.</param>
    [Theory]
    [InlineData("Alerts:ClearAfterSweeps", "0", "Alerts:ClearAfterSweeps")]
    [InlineData("Alerts:RateClearMargin", "-0.01", "Alerts:RateClearMargin")]
    [InlineData("Alerts:RateClearMargin", "0.6", "Alerts:RateClearMargin")]
    [InlineData("Alerts:CriticalThreadsClearMargin", "-1", "Alerts:CriticalThreadsClearMargin")]
    [InlineData("Alerts:CriticalThreads", "-1", "CriticalThreads")]
    [InlineData("Alerts:WeeklyRefundRate", "1.5", "WeeklyRefundRate")]
    [InlineData("OpsBot:HighRefundRate:RateAbove", "1", "OpsBot:HighRefundRate:RateAbove")]
    [InlineData("OpsBot:HighRefundRate:MinThreads", "0", "OpsBot:HighRefundRate:MinThreads")]
    public async Task BadSetting_RefusedAtStart_NamingIt(string key, string value, string named)
    {
        using var database = new TestDatabase();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestHost.StartAsync(new Dictionary<string, string?> { [key] = value }, database: database));

        Assert.Contains(named, error.Message);
    }
}
