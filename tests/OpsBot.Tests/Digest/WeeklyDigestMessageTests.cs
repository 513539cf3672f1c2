using OpsBot.Chat;
using OpsBot.Data;
using static OpsBot.Tests.Metrics.MetricsFixture;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Digest;

/// <summary>
/// T = 2026-11-20T09:00Z (Fri 10:00 in Berlin): this week = Fri 13 Nov – Thu 19 Nov, the week before = Fri 6 Nov – Thu 12 Nov.
/// </summary>
public sealed class WeeklyDigestMessageTests
{
    /// <summary>
    /// This week: €60.00 from 2 threads (fast €40.00, offer €20.00), both answered in time after 2 h and 4 h.
    /// The week before: €40.00 from 2 threads, one answered after 6 h, one missed and refunded (SLA miss).
    /// </summary>
    private static void TwoWeeks(DigestFixture f)
    {
        var s = f.Store;
        var anna = s.Creator("anna");
        s.Thread(anna, At("2026-11-16T10:00:00Z"), 48, amount: 4000, lane: Lane.Fast).ReplyAfterHours(2);
        s.Thread(anna, At("2026-11-17T10:00:00Z"), 48, amount: 2000, offer: "o1").ReplyAfterHours(4);
        s.Thread(anna, At("2026-11-09T10:00:00Z"), 48, amount: 3000).ReplyAfterHours(6);
        s.Thread(anna, At("2026-11-10T10:00:00Z"), 48, amount: 1000).Refund(At("2026-11-12T12:00:00Z"));
    }

    [Fact]
    public async Task Weekly_AgainstTheWeekBefore_ShowsChangesWithArrows()
    {
        using var f = new DigestFixture();
        TwoWeeks(f);

        var message = await (await f.MessagesAsync()).WeeklyAsync();

        Assert.Equal("Weekly digest · Fri 13 Nov – Thu 19 Nov", message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal("€60.00 ↑ +€20.00 (+50.0%)", MessageText.Field(message, "GMV"));
        Assert.Equal("€60.00 ↑ +€30.00 (+100.0%)", MessageText.Field(message, "Net GMV"));
        Assert.Equal("2 → ±0", MessageText.Field(message, "Threads created"));
        Assert.Equal("100.0% ↑ +50.0 pp", MessageText.Field(message, "Answer rate"));
        Assert.Equal("3 h ↓ −3 h", MessageText.Field(message, "Mean reply"));
        Assert.Equal("66.7% ↑ +66.7 pp", MessageText.Field(message, "Fast-lane uptake (of GMV)"));
        Assert.Equal("33.3% ↑ +33.3 pp", MessageText.Field(message, "Offer uptake (of GMV)"));
        Assert.Equal("0.0% ↓ −50.0 pp", MessageText.Field(message, "Refund rate"));
        Assert.Empty(MessageText.Warnings(message));
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(19, true)]
    public async Task Weekly_RefundRate_WarnsOnlyAboveFivePercentWithCauses(int threads, bool warn)
    {
        using var f = new DigestFixture();
        var anna = f.Store.Creator("anna");
        for (var i = 0; i < threads; i++)
        {
            var thread = f.Store.Thread(anna, At("2026-11-16T10:00:00Z"), 48).ReplyAfterHours(1);
            if (i == 0) thread.Refund(At("2026-11-17T10:00:00Z"), RefundReason.PoorAnswer);
        }

        var message = await (await f.MessagesAsync()).WeeklyAsync();

        Assert.Equal(warn ? ["⚠ The refund rate 5.3% is above 5.0%. Note the causes: SLA miss 0 against content (poor answer) 1, other 0."] : [],
            MessageText.Warnings(message));
        Assert.Contains($"Causes: SLA miss 0, content (poor answer) 1, other 0.", MessageText.All(message));
    }

    [Fact]
    public async Task Weekly_GmvPerCreator_TopNFromSettingsAndTheRestCounted()
    {
        using var f = new DigestFixture();
        foreach (var (handle, amount) in new[] { ("a1", 1000L), ("a2", 4000L), ("a3", 3000L), ("a4", 2000L) })
            f.Store.Thread(f.Store.Creator(handle), At("2026-11-16T10:00:00Z"), 48, amount: amount).ReplyAfterHours(1);

        var message = await (await f.MessagesAsync(settings: new Dictionary<string, string?> { ["Digest:TopCreators"] = "2" })).WeeklyAsync();

        var table = message.Blocks.OfType<TableBlock>().First(t => t.Columns.SequenceEqual(["Creator", "GMV", "Net"]));
        Assert.Equal([["a2", "€40.00", "€40.00"], ["a3", "€30.00", "€30.00"]], table.Rows);
        Assert.Equal((4, 2), (table.TotalRows, table.Hidden));
    }

    [Fact]
    public async Task Weekly_Referral_PerCodeNewActiveRevenue()
    {
        using var f = new DigestFixture();
        f.Store.Creator("anna", referralCode: "ANNA");
        var bob = f.Store.Creator("bob", referredBy: "ANNA", joinedAt: At("2026-11-14T12:00:00Z"));   // new this week
        f.Store.Creator("cleo", referredBy: "ANNA", joinedAt: At("2026-01-01T00:00:00Z"));            // old, no threads: not active
        f.Store.Thread(bob, At("2026-11-16T10:00:00Z"), 48, amount: 2500).ReplyAfterHours(1);

        var message = await (await f.MessagesAsync()).WeeklyAsync();

        var table = message.Blocks.OfType<TableBlock>().Single(t => t.Columns[0] == "Code");
        Assert.Equal([["ANNA", "anna", "1", "1 of 2", "€25.00"]], table.Rows);
    }

    [Fact]
    public async Task Weekly_German_UsesGermanLabelsAndNumbers()
    {
        using var f = new DigestFixture();
        TwoWeeks(f);

        var message = await (await f.MessagesAsync("de")).WeeklyAsync();

        Assert.Equal("Wochen-Digest · Fr, 13. Nov. – Do, 19. Nov.", message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal("60,00 € ↑ +20,00 € (+50,0 %)", MessageText.Field(message, "GMV"));
        Assert.Equal("0,0 % ↓ −50,0 Pp.", MessageText.Field(message, "Refund-Quote"));
        Assert.Contains("Trichter dieser Woche: 0 Besuche, 0 Checkouts, 2 Threads, 2 erste Antworten.", message.Blocks.OfType<ImageBlock>().Select(i => i.AltText));
    }
}
