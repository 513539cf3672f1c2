using System.Text.Json;
using OpsBot.Cli;

namespace OpsBot.Tests.Cli;

public sealed class CreatorCommandTests(CliStore store) : IClassFixture<CliStore>
{
    [Fact]
    public async Task Creator_Text_ShowsTheCardsKeyNumbers()
    {
        var run = await store.RunAsync("creator", "Anna", "--as-of", CliStore.AsOf);

        Assert.Equal((CliApp.Ok, ""), (run.Exit, run.Error));
        var card = run.Output;
        Assert.StartsWith("anna (ANNA), checkout active", card);
        Assert.Contains("€10.00 standard; fast lane ×1.5 = €15.00 (enabled)", card);
        // Open: t01 overdue since 08:00Z (the nearest deadline) and t03 on track.
        Assert.Contains("2 (1 on track, 50.0%); nearest deadline 2026-11-20 09:00 +01:00 (overdue by 1 hour)", card);
        // MTD: t01 2999 + t03 123456 + t04 5000.
        Assert.Contains("€1,314.55", card);
        // t01 was due in the 30 days and is not answered; t04 was answered after 2 hours.
        Assert.Contains("0.0% (0 of 1 due answered in time)", card);
        Assert.Contains("mean 2 h, median 2 h, p90 2 h (n = 1)", card);
        Assert.Matches(@"Referred +bob", card);
    }

    [Fact]
    public async Task Creator_Outlier_IsMarked()
    {
        var run = await store.RunAsync("creator", "cleo", "--as-of", CliStore.AsOf);

        Assert.Matches(@"Outlier\s+answer_rate: answer rate 0\.0% of 5 due", run.Output);
        Assert.Contains("5 (€50.00), rate 100.0% of 5 threads created; sla_miss 5, poor_answer 0, other 0", run.Output);
    }

    [Fact]
    public async Task Creator_Json_IsTheCardWithItsFigures()
    {
        var run = await store.RunAsync("creator", "anna", "--as-of", CliStore.AsOf, "--format", "json");

        var card = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(2999 + 123_456 + 5000, card.GetProperty("gmvMtdMinor").GetInt64());
        Assert.Equal(2, card.GetProperty("open").GetProperty("count").GetInt32());
        Assert.Equal("anna", card.GetProperty("profile").GetProperty("handle").GetString());
    }

    [Fact]
    public async Task Creator_Unknown_Exits1WithSuggestionsOnStderr()
    {
        var run = await store.RunAsync("creator", "bobb", "--as-of", CliStore.AsOf);

        Assert.Equal((CliApp.Failed, ""), (run.Exit, run.Output));
        Assert.Equal("Unknown creator 'bobb'. Did you mean: bob?", run.Error.Trim());
    }

    [Fact]
    public async Task Creator_UnknownWithNothingClose_SaysSoWithoutSuggestions()
    {
        var run = await store.RunAsync("creator", "zzzzzzzz");

        Assert.Equal(CliApp.Failed, run.Exit);
        Assert.Equal("Unknown creator 'zzzzzzzz'.", run.Error.Trim());
    }
}
