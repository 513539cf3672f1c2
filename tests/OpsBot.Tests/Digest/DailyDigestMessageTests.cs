using OpsBot.Chat;
using OpsBot.Data;
using static OpsBot.Tests.Metrics.MetricsFixture;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Digest;

/// <summary>
/// T = 2026-11-20T09:00Z (Fri 10:00 in Berlin); yesterday = Thu 19 Nov = [11-18T23:00Z, 11-19T23:00Z).
/// </summary>
public sealed class DailyDigestMessageTests
{
    /// <summary>Yesterday: 4 threads created (€75.00), 3 due (2 in time), first replies after 2 h and 4 h, one SLA-miss refund.</summary>
    private static void Yesterday(DigestFixture f)
    {
        var s = f.Store;
        var anna = s.Creator("anna");
        var bob = s.Creator("bob");
        s.Thread(anna, At("2026-11-18T12:00:00Z"), 24).ReplyAfterHours(6);                              // due yesterday, in time; created the day before
        s.Thread(anna, At("2026-11-19T00:00:00Z"), 12).ReplyAfterHours(2);                              // due yesterday, in time; reply 2 h
        s.Thread(bob, At("2026-11-19T01:00:00Z"), 12, amount: 1500).Refund(At("2026-11-19T14:00:00Z"));  // due yesterday, missed, refunded
        s.Thread(bob, At("2026-11-19T06:00:00Z"), 48, amount: 3000, lane: Lane.Fast).ReplyAfterHours(4); // reply 4 h
        s.Thread(anna, At("2026-11-19T10:00:00Z"), 48, amount: 2000, offer: "o1");                       // open, on track
        for (var i = 0; i < 8; i++) s.Visit(anna, At("2026-11-19T07:00:00Z"));
        for (var i = 0; i < 4; i++) s.Checkout(anna, At("2026-11-19T08:00:00Z"));
    }

    [Fact]
    public async Task Daily_KnownDay_ShowsHandComputedFigures()
    {
        using var f = new DigestFixture();
        Yesterday(f);

        var message = await (await f.MessagesAsync()).DailyAsync();

        Assert.Equal("Daily digest · Thu 19 Nov", message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal("66.7% of 3 due", MessageText.Field(message, "Answer rate"));
        Assert.Equal("mean 3 h, median 3 h, p90 4 h (n = 2)", MessageText.Field(message, "Reply time"));
        Assert.Equal("1, on track 100.0%", MessageText.Field(message, "Open now"));
        Assert.Equal("€75.00 from 4 threads, net €60.00", MessageText.Field(message, "GMV yesterday"));
        Assert.Equal("€85.00", MessageText.Field(message, "GMV month to date"));
        Assert.Equal("40.0% of GMV (25.0% of threads)", MessageText.Field(message, "Fast lane"));
        Assert.Equal("26.7% of GMV (25.0% of threads)", MessageText.Field(message, "Offers"));
        var text = MessageText.All(message);
        Assert.Contains("Refunds: 1 (€15.00), rate 25.0% of 4 threads created. Causes: SLA miss 1, content (poor answer) 0, other 0.", text);
        Assert.Contains("Funnel: 8 visits → 4 checkouts (50.0%) → 4 threads (100.0%) → 2 first replies (50.0%)", text);
        Assert.Contains("No outliers and no high refund rates", text);
        Assert.Equal("Daily digest · Thu 19 Nov: answer rate 66.7% of 3 due, GMV €75.00, 1 refunds, 1 alerts.", message.Fallback);
    }

    [Fact]
    public async Task Daily_NothingWrong_SaysNoAlerts()
    {
        using var f = new DigestFixture();
        f.Store.Thread(f.Store.Creator("anna"), At("2026-11-19T10:00:00Z"), 48).ReplyAfterHours(1);

        var message = await (await f.MessagesAsync()).DailyAsync();

        Assert.Empty(MessageText.Warnings(message));
        Assert.Contains("No alerts.", MessageText.All(message));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public async Task Daily_CriticalThreads_AlertOnlyAboveFive(int critical, bool alert)
    {
        using var f = new DigestFixture();
        var anna = f.Store.Creator("anna");
        for (var i = 0; i < critical; i++) f.Store.Thread(anna, At("2026-11-20T08:00:00Z"), 12);   // 11 h left at T: critical
        f.Store.Thread(anna, At("2026-11-20T08:00:00Z"), 13);                                       // 12 h left: not critical

        var warnings = MessageText.Warnings(await (await f.MessagesAsync()).DailyAsync());

        Assert.Equal(alert ? [$"⚠ {critical} open threads have less than 12 h left or are overdue (alert above 5): nudge their creators."] : [], warnings);
    }

    [Fact]
    public async Task Daily_AnswerRateOutlier_ListedAndAlerted()
    {
        using var f = new DigestFixture();
        var cleo = f.Store.Creator("cleo");
        for (var i = 0; i < 5; i++) f.Store.Thread(cleo, At("2026-11-01T00:00:00Z"), 24).ReplyAfterHours(30);   // 5 due, all late

        var message = await (await f.MessagesAsync()).DailyAsync();

        Assert.Equal(["⚠ Outliers: cleo (low answer rate or mean reply over SLA, last 30 days)."], MessageText.Warnings(message));
        var table = message.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(["cleo", "low answer rate, mean reply over SLA", "answer rate 0.0% of 5 due; mean reply 30 h against 24 h allowed"], table.Rows.Single());
    }

    [Fact]
    public async Task Daily_CreatorRefundRateOverTenPercent_ListedAndAlerted()
    {
        using var f = new DigestFixture();
        var dora = f.Store.Creator("dora");
        for (var i = 0; i < 10; i++)
        {
            var thread = f.Store.Thread(dora, At("2026-11-01T00:00:00Z"), 48).ReplyAfterHours(1);
            if (i < 2) thread.Refund(At("2026-11-02T00:00:00Z"), RefundReason.PoorAnswer);   // 2 of 10: 20%
        }

        var message = await (await f.MessagesAsync()).DailyAsync();

        Assert.Equal(["⚠ High refund rate (over 10.0%, last 30 days): dora 20.0%. Review manually."], MessageText.Warnings(message));
        Assert.Equal(["dora", "high refund rate", "refund rate 20.0% (2 of 10 threads)"], message.Blocks.OfType<TableBlock>().Single().Rows.Single());
    }

    /// <summary>Last 7 days = [11-13, 11-20) local; exactly 5% is no alert, just over 5% is.</summary>
    [Theory]
    [InlineData(20, false)]
    [InlineData(19, true)]
    public async Task Daily_WeeklyRefundRate_AlertOnlyAboveFivePercent(int threads, bool alert)
    {
        using var f = new DigestFixture();
        var anna = f.Store.Creator("anna");
        for (var i = 0; i < threads; i++)
        {
            var thread = f.Store.Thread(anna, At("2026-11-16T10:00:00Z"), 48).ReplyAfterHours(1);
            if (i == 0) thread.Refund(At("2026-11-17T10:00:00Z"), RefundReason.Other);
        }

        var warnings = MessageText.Warnings(await (await f.MessagesAsync()).DailyAsync());

        Assert.Equal(alert ? ["⚠ The refund rate over the last 7 days is 5.3% (alert above 5.0%)."] : [], warnings);
    }

    [Fact]
    public async Task Daily_Thresholds_ComeFromTheAlertsSection()
    {
        using var f = new DigestFixture();
        var anna = f.Store.Creator("anna");
        for (var i = 0; i < 2; i++) f.Store.Thread(anna, At("2026-11-20T08:00:00Z"), 12);

        var messages = await f.MessagesAsync(settings: new Dictionary<string, string?> { ["Alerts:CriticalThreads"] = "1" });

        Assert.Equal(["⚠ 2 open threads have less than 12 h left or are overdue (alert above 1): nudge their creators."], MessageText.Warnings(await messages.DailyAsync()));
    }

    [Fact]
    public async Task Daily_German_UsesGermanLabelsAndNumbers()
    {
        using var f = new DigestFixture();
        Yesterday(f);

        var message = await (await f.MessagesAsync("de")).DailyAsync();

        Assert.Equal("Tages-Digest · Do, 19. Nov.", message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal("66,7 % von 3 fälligen", MessageText.Field(message, "Antwortquote"));
        Assert.Equal("75,00 € aus 4 Threads, netto 60,00 €", MessageText.Field(message, "GMV gestern"));
        Assert.Contains("⚠ Die Refund-Quote der letzten 7 Tage liegt bei 20,0 % (Warnung ab mehr als 5,0 %).", MessageText.Warnings(message));
    }
}
