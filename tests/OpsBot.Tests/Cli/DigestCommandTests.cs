using System.Text.Json;
using OpsBot.Cli;

namespace OpsBot.Tests.Cli;

public sealed class DigestCommandTests(CliStore store) : IClassFixture<CliStore>
{
    // Created on 2026-11-19 in Berlin: t01 2999, t02 1999, t04 5000, t05 1000; t05 refunded (1000) the same day.
    private const long DailyGmv = 2999 + 1999 + 5000 + 1000;

    [Fact]
    public async Task Digest_DailyJson_HasTheSection5FieldsAndTheFixturesGmv()
    {
        var run = await store.RunAsync("digest", "daily", "--as-of", CliStore.AsOf, "--format", "json");

        Assert.Equal((CliApp.Ok, ""), (run.Exit, run.Error));
        var d = JsonDocument.Parse(run.Output).RootElement;
        foreach (var path in new[]
        {
            "asOf", "timeZone", "period.from", "period.to",
            "sla.openThreads", "sla.openOnTrackPct", "sla.answerRate", "sla.replyHours.mean", "sla.replyHours.median", "sla.replyHours.p90",
            "gmv.periodMinor", "gmv.mtdMinor", "gmv.netMinor", "gmv.currency", "gmv.fastLaneShare", "gmv.offerShare", "gmv.byCreator",
            "refunds.count", "refunds.rate", "refunds.byReason.sla_miss", "refunds.byReason.poor_answer", "refunds.byReason.other",
            "funnel.visits", "funnel.checkouts", "funnel.threads", "funnel.firstReplies", "referral", "outliers",
        })
            Assert.True(TryGet(d, path, out _), $"missing {path}");

        Assert.Equal(("2026-11-18T23:00:00+00:00", "2026-11-19T23:00:00+00:00"), (Get(d, "period.from").GetString(), Get(d, "period.to").GetString()));
        Assert.Equal(DailyGmv, Get(d, "gmv.periodMinor").GetInt64());
        Assert.Equal(DailyGmv - 1000, Get(d, "gmv.netMinor").GetInt64());
        Assert.Equal(DailyGmv + 123_456, Get(d, "gmv.mtdMinor").GetInt64());
        Assert.Equal(2999.0 / DailyGmv, Get(d, "gmv.fastLaneShare").GetDouble(), 12);
        var byCreator = Get(d, "gmv.byCreator").EnumerateArray().Select(c => (c.GetProperty("handle").GetString(), c.GetProperty("gmvMinor").GetInt64()));
        Assert.Equal([("anna", 2999L + 5000), ("bob", 1999L + 1000)], byCreator);
        var referral = Get(d, "referral").EnumerateArray().Single();
        Assert.Equal(("ANNA", 1, 1, 2999L), (referral.GetProperty("code").GetString(), referral.GetProperty("newCreators").GetInt32(),
            referral.GetProperty("activeCreators").GetInt32(), referral.GetProperty("gmvMinor").GetInt64()));
        var outlier = Get(d, "outliers").EnumerateArray().Single();
        Assert.Equal(("cleo", "answer_rate"), (outlier.GetProperty("handle").GetString(), outlier.GetProperty("reasons")[0].GetString()));
        Assert.Equal((2, 1, 4), (Get(d, "funnel.visits").GetInt32(), Get(d, "funnel.checkouts").GetInt32(), Get(d, "funnel.threads").GetInt32()));
        Assert.Equal((1, 1), (Get(d, "refunds.count").GetInt32(), Get(d, "refunds.byReason.poor_answer").GetInt32()));
        // Open as of T: t01 (overdue), t02, t03.
        Assert.Equal((3, 2.0 / 3), (Get(d, "sla.openThreads").GetInt32(), Get(d, "sla.openOnTrackPct").GetDouble()));
    }

    [Fact]
    public async Task Digest_Weekly_IsTheSevenDaysBeforeToday()
    {
        var run = await store.RunAsync("digest", "weekly", "--as-of", CliStore.AsOf, "--format", "json");

        var d = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("2026-11-12T23:00:00+00:00", "2026-11-19T23:00:00+00:00"), (Get(d, "period.from").GetString(), Get(d, "period.to").GetString()));
        Assert.Equal(DailyGmv, Get(d, "gmv.periodMinor").GetInt64());
    }

    [Fact]
    public async Task Digest_Text_HasEverySectionWithFormattedFigures()
    {
        var run = await store.RunAsync("digest", "daily", "--as-of", CliStore.AsOf);

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.StartsWith("Daily digest as of 2026-11-20 10:00 +01:00 (Europe/Berlin)", run.Output);
        foreach (var section in new[] { "\nSLA\n", "\nGMV\n", "\nRefunds\n", "\nFunnel\n", "\nReferral\n", "\nOutliers (last 30 days)\n" })
            Assert.Contains(section, run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("€109.98 from 4 threads; net €99.98 after €10.00 refunded", run.Output);
        Assert.Contains("€1,344.54", run.Output);
        Assert.Contains("on track 66.7% (2)", run.Output);
        Assert.Contains("1 (50.0% of visits)", run.Output);
    }

    [Fact]
    public async Task Digest_TextInGerman_UsesGermanNumberFormats()
    {
        var run = await store.RunInGermanAsync("digest", "daily", "--as-of", CliStore.AsOf);

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Contains("109,98 € from 4 threads", run.Output);
        Assert.Contains("1.344,54 €", run.Output);
        Assert.Contains("on track 66,7 %", run.Output);
    }

    private static JsonElement Get(JsonElement root, string path) => TryGet(root, path, out var value) ? value : throw new KeyNotFoundException(path);

    private static bool TryGet(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        foreach (var name in path.Split('.'))
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value)) return false;
        return true;
    }
}
