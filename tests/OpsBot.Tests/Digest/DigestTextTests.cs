using System.Collections;
using System.Globalization;
using System.Resources;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Digest;
using static OpsBot.Tests.Metrics.MetricsFixture;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Digest;

public sealed class DigestTextTests
{
    [Fact]
    public void Resx_EnglishAndGerman_HaveTheSameKeys()
    {
        static SortedSet<string> Keys(ResourceManager resources, string culture) =>
            [.. resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
                .Cast<DictionaryEntry>().Select(e => (string)e.Key)];

        var english = Keys(DigestText.Resources, "");
        Assert.NotEmpty(english);
        Assert.Equal(english, Keys(DigestText.Resources, "de"));
    }

    /// <summary>Every branch at once (alerts, flagged creators, referral, price review), so a missing text in either language throws.</summary>
    [Theory]
    [InlineData("en", "Daily digest", "Weekly digest")]
    [InlineData("de", "Tages-Digest", "Wochen-Digest")]
    public async Task Digests_EveryBranch_RenderInBothCultures(string culture, string daily, string weekly)
    {
        using var f = new DigestFixture();
        var s = f.Store;
        var anna = s.Creator("anna", referralCode: "ANNA");
        var bob = s.Creator("bob", referredBy: "ANNA", joinedAt: At("2026-11-14T00:00:00Z"));
        bob.StandardPriceMinor = 5000;
        for (var i = 0; i < 6; i++) s.Thread(anna, At("2026-11-20T08:00:00Z"), 6);                           // critical
        for (var i = 0; i < 10; i++) s.Thread(bob, At("2026-11-14T00:00:00Z"), 24).Refund(At("2026-11-16T00:00:00Z"));   // outlier, high refund
        for (var i = 0; i < 3; i++) s.Thread(anna, At("2026-11-14T10:00:00Z"), 48, lane: Lane.Fast).ReplyAfterHours(30);  // slow fast lane
        var messages = await f.MessagesAsync(culture);

        foreach (var (message, title) in new[] { (await messages.DailyAsync(), daily), (await messages.WeeklyAsync(), weekly) })
        {
            Assert.StartsWith(title, message.Blocks.OfType<HeaderBlock>().Single().Text);
            Assert.NotEmpty(MessageText.Warnings(message));
            Assert.DoesNotContain("{0", MessageText.All(message));
        }
    }
}
