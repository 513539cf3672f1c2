using System.Text.Json;
using OpsBot.Cli;

namespace OpsBot.Tests.Cli;

public sealed class RadarCommandTests(CliStore store) : IClassFixture<CliStore>
{
    [Fact]
    public async Task Radar_Json_IsTheSection5ShapeWithTheFixturesNumbers()
    {
        var run = await store.RunAsync("radar", "--as-of", CliStore.AsOf, "--format", "json");

        Assert.Equal((CliApp.Ok, ""), (run.Exit, run.Error));
        var radar = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("2026-11-20T09:00:00+00:00", radar.GetProperty("asOf").GetString());
        Assert.Equal(12, radar.GetProperty("warnHours").GetDouble());
        // Overdue t01 (2999) + critical t02 (1999); t03 is ok.
        Assert.Equal(2999 + 1999, radar.GetProperty("moneyAtRiskMinor").GetInt64());
        var threads = radar.GetProperty("threads").EnumerateArray().ToList();
        Assert.Equal(["t01", "t02", "t03"], threads.Select(t => t.GetProperty("threadId").GetString()));
        Assert.Equal([-3_600_000L, 3 * 3_600_000L, 47 * 3_600_000L], threads.Select(t => t.GetProperty("remainingMs").GetInt64()));
        Assert.Equal(["overdue", "critical", "ok"], threads.Select(t => t.GetProperty("flag").GetString()));
        var t01 = threads[0];
        Assert.Equal(
            ("anna", "fast", 2999L, "EUR", "2026-11-19T08:00:00+00:00", "2026-11-20T08:00:00+00:00"),
            (t01.GetProperty("creatorHandle").GetString(), t01.GetProperty("lane").GetString(), t01.GetProperty("amountMinor").GetInt64(),
             t01.GetProperty("currency").GetString(), t01.GetProperty("createdAt").GetString(), t01.GetProperty("deadlineAt").GetString()));
    }

    [Fact]
    public async Task Radar_AsOfWithoutOffset_IsReadInTheOpsTimeZone()
    {
        var run = await store.RunAsync("radar", "--as-of", "2026-11-20T10:00", "--format", "json");

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Equal("2026-11-20T09:00:00+00:00", JsonDocument.Parse(run.Output).RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Radar_HoursOverride_MakesTheOkThreadCritical()
    {
        var run = await store.RunAsync("radar", "--as-of", CliStore.AsOf, "--hours", "48", "--format", "json");

        var radar = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(48, radar.GetProperty("warnHours").GetDouble());
        Assert.Equal(2999 + 1999 + 123_456, radar.GetProperty("moneyAtRiskMinor").GetInt64());
    }

    [Fact]
    public async Task Radar_Csv_HasAHeaderAndOneRowPerOpenThread_WithRawValues()
    {
        var run = await store.RunAsync("radar", "--as-of", CliStore.AsOf, "--format", "csv");

        Assert.Equal(CliApp.Ok, run.Exit);
        var lines = run.Output.Split("\r\n");
        Assert.Equal(["threadId,creatorHandle,lane,amountMinor,currency,createdAt,deadlineAt,remainingMs,flag",
            "t01,anna,fast,2999,EUR,2026-11-19T08:00:00.000Z,2026-11-20T08:00:00.000Z,-3600000,overdue",
            "t02,bob,standard,1999,EUR,2026-11-19T20:00:00.000Z,2026-11-20T12:00:00.000Z,10800000,critical",
            "t03,anna,standard,123456,EUR,2026-11-20T08:00:00.000Z,2026-11-22T08:00:00.000Z,169200000,ok",
            ""], lines);
    }

    [Fact]
    public async Task Radar_Table_ShowsHumanizedTimeLeftAndFormattedMoney()
    {
        var run = await store.RunAsync("radar", "--as-of", CliStore.AsOf);

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Contains("as of 2026-11-20 10:00 +01:00 (Europe/Berlin)", run.Output);
        Assert.Contains("1 overdue, 1 critical, 1 ok; money at risk €49.98", run.Output);
        Assert.Matches(@"overdue\s.*anna\s.*fast\s.*€29\.99\s.*2026-11-20 09:00 \+01:00\s.*overdue by 1 hour\s.*t01", run.Output);
        Assert.Matches(@"critical\s.*bob\s.*€19\.99\s.*│ 3 hours\s.*t02", run.Output);
        Assert.Matches(@"ok\s.*anna\s.*€1,234\.56\s.*1 day, 23 hours\s.*t03", run.Output);
    }

    [Fact]
    public async Task Radar_TableInGerman_UsesGermanMoneyAndDurations()
    {
        var run = await store.RunInGermanAsync("radar", "--as-of", CliStore.AsOf);

        Assert.Contains("money at risk 49,98 €", run.Output);
        Assert.Contains("1.234,56 €", run.Output);
        Assert.Contains("seit 1 Stunde überfällig", run.Output);
        Assert.Contains("1 Tag, 23 Stunden", run.Output);
    }

    [Fact]
    public async Task Radar_CreatorFilter_KeepsOnlyThatCreatorsThreads()
    {
        var run = await store.RunAsync("radar", "--as-of", CliStore.AsOf, "--creator", "@ANNA", "--format", "json");

        var radar = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("anna", radar.GetProperty("creatorHandle").GetString());
        Assert.Equal(["t01", "t03"], radar.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("threadId").GetString()));
        Assert.Equal(2999, radar.GetProperty("moneyAtRiskMinor").GetInt64());
    }

    [Fact]
    public async Task Radar_UnknownCreator_Exits1WithSuggestion()
    {
        var run = await store.RunAsync("radar", "--as-of", CliStore.AsOf, "--creator", "ana");

        Assert.Equal((CliApp.Failed, ""), (run.Exit, run.Output));
        Assert.Equal("Unknown creator 'ana'. Did you mean: anna?", run.Error.Trim());
    }
}
