using System.Text.Json;
using static OpsBot.Tests.Platform.Demo.DemoHistory;

namespace OpsBot.Tests.Platform.Demo;

/// <summary>What the ops team should recognise in a default-size demo, whatever the seed.</summary>
public sealed class DemoDataScenarioTests
{
    public static TheoryData<int> Seeds => [42, 1, 2026];

    [Theory, MemberData(nameof(Seeds))]
    public async Task AtAsOf_SomeOpenThreadsAreCriticalOrOverdue_AndOthersComfortable(int seed)
    {
        var history = await GenerateAsync(Options(seed: seed));

        var remainingHours = OpenThreads(history).Select(t => (Time(t, "deadlineAt") - history.HistoryAsOf).TotalHours).ToArray();
        Assert.Contains(remainingHours, h => h is >= 0 and < 2);
        Assert.Contains(remainingHours, h => h is >= 2 and < 12);
        Assert.Contains(remainingHours, h => h < 0);
        Assert.Contains(remainingHours, h => h >= 12);
    }

    [Theory, MemberData(nameof(Seeds))]
    public async Task Refunds_CoverEveryReason_WithAutomaticSlaMisses(int seed)
    {
        var history = await GenerateAsync(Options(seed: seed));

        var refunds = history.Data("thread.refunded");
        foreach (var reason in new[] { "sla_miss", "poor_answer", "other" })
            Assert.Contains(refunds, r => Text(r, "reason") == reason);
        Assert.Contains(refunds, r => Text(r, "reason") == "sla_miss" && r.GetProperty("automatic").GetBoolean());
        Assert.NotEmpty(history.Data("message.flagged"));
        Assert.NotEmpty(history.Data("refund.review_requested"));
    }

    [Theory, MemberData(nameof(Seeds))]
    public async Task Referrals_FormAChain_WithCreatorsJoiningInsideTheWindow(int seed)
    {
        var history = await GenerateAsync(Options(seed: seed));
        var creators = history.Data("creator.upserted").GroupBy(c => Text(c, "creatorId")).Select(g => g.First()).ToArray();
        var byCode = creators.Where(c => Optional(c, "referralCode") is not null).ToDictionary(c => Text(c, "referralCode"));

        var referred = creators.Where(c => Optional(c, "referredByCode") is not null).ToArray();
        Assert.All(referred, c => Assert.True(byCode.ContainsKey(Text(c, "referredByCode"))));
        // A → B → C: someone referred by a creator who was referred themselves.
        Assert.Contains(referred, c => Optional(byCode[Text(c, "referredByCode")], "referredByCode") is not null);
        Assert.Contains(referred, c => Time(c, "joinedAt") > history.HistoryAsOf.AddDays(-60));
    }

    [Theory, MemberData(nameof(Seeds))]
    public async Task Funnel_DropsOffAtEveryStep(int seed)
    {
        var history = await GenerateAsync(Options(seed: seed));

        var visits = history.Data("chat.visited").Count;
        var checkouts = history.Data("checkout.started").Count;
        var threads = history.Data("thread.created").Count;
        var firstReplies = history.Data("thread.replied").Select(r => Text(r, "threadId")).Distinct().Count();
        Assert.True(visits > checkouts && checkouts > threads && threads > firstReplies, $"{visits} > {checkouts} > {threads} > {firstReplies}");
    }

    [Fact]
    public async Task Sales_MixFastLaneOffersAndCheckoutStatuses()
    {
        var history = await Default.Value;

        var threads = history.Data("thread.created");
        Assert.Contains(threads, t => Text(t, "lane") == "fast");
        Assert.Contains(threads, t => Optional(t, "offerId") is not null);
        Assert.True(threads.Count(t => Text(t, "lane") == "standard") > threads.Count(t => Text(t, "lane") == "fast"));
        var statuses = history.Data("creator.upserted").Select(c => Text(c, "checkoutStatus")).ToArray();
        Assert.Equal(1, statuses.Count(s => s == "banned"));
        Assert.Equal(1, statuses.Count(s => s == "maintenance"));
        Assert.Contains(history.Data("creator.upserted"), c => Optional(c, "slackUserId") is not null);
        Assert.Contains(history.Data("creator.upserted"), c => Optional(c, "discordUserId") is not null);
    }

    [Fact]
    public async Task Creators_DifferInSpeed_FromHoursToDays()
    {
        var history = await Default.Value;
        var created = history.Data("thread.created").ToDictionary(t => Text(t, "threadId"));

        var medianHoursByCreator = history.Data("thread.replied")
            .GroupBy(r => Text(r, "threadId")).Select(g => g.First())
            .GroupBy(r => Text(created[Text(r, "threadId")], "creatorId"))
            .Where(g => g.Count() >= 5)
            .Select(g => g.Select(r => (Time(r, "at") - Time(created[Text(r, "threadId")], "createdAt")).TotalHours).Order().ElementAt(g.Count() / 2))
            .ToArray();
        Assert.Contains(medianHoursByCreator, h => h < 4);
        Assert.Contains(medianHoursByCreator, h => h > 24);
    }

    [Fact]
    public async Task ThreadVolume_VariesPerCreatorAndDay()
    {
        var history = await Default.Value;

        var perCreatorDay = history.Data("thread.created")
            .GroupBy(t => (Text(t, "creatorId"), (history.HistoryAsOf - Time(t, "createdAt")).Days))
            .Select(g => g.Count()).ToArray();
        Assert.Contains(perCreatorDay, n => n == 1);
        Assert.Contains(perCreatorDay, n => n >= 5);
    }

    private static IEnumerable<JsonElement> OpenThreads(DemoHistory history)
    {
        var closed = history.Data("thread.replied").Concat(history.Data("thread.refunded")).Select(d => Text(d, "threadId")).ToHashSet();
        return history.Data("thread.created").Where(t => !closed.Contains(Text(t, "threadId")));
    }
}
