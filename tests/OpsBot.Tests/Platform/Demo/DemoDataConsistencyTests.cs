using System.Text.Json;
using static OpsBot.Tests.Platform.Demo.DemoHistory;

namespace OpsBot.Tests.Platform.Demo;

/// <summary>The history could have happened: time runs forward, ids are unique, effects follow their causes.</summary>
public sealed class DemoDataConsistencyTests
{
    private static readonly Dictionary<string, string> TimeField = new()
    {
        ["chat.visited"] = "at", ["checkout.started"] = "at", ["thread.created"] = "createdAt", ["thread.replied"] = "at",
        ["thread.refunded"] = "at", ["message.flagged"] = "at", ["refund.review_requested"] = "at",
    };

    [Fact]
    public async Task Events_AreInChronologicalOrder_AndNoneAfterAsOf()
    {
        var history = await Default.Value;

        var times = history.Events.Select(e => Time(e, "occurredAt")).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.True(times[^1] <= history.HistoryAsOf);
        Assert.True(times[0] >= history.HistoryAsOf.AddDays(-60));
    }

    [Fact]
    public async Task OccurredAt_IsTheEventsOwnTime()
    {
        var history = await Default.Value;

        Assert.All(history.Events.Where(e => TimeField.ContainsKey(Text(e, "type"))), e =>
            Assert.Equal(Time(e, "occurredAt"), Time(e.GetProperty("data"), TimeField[Text(e, "type")])));
    }

    [Theory]
    [InlineData("checkout.started", "checkoutId")]
    [InlineData("thread.created", "threadId")]
    [InlineData("thread.replied", "messageId")]
    [InlineData("thread.refunded", "refundId")]
    [InlineData("thread.refunded", "threadId")]
    public async Task Ids_AreUnique(string type, string field)
    {
        var history = await Default.Value;

        var ids = history.Data(type).Select(d => Text(d, field)).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task Creator_IsUpsertedBeforeAnyOfItsEvents()
    {
        var history = await Default.Value;
        var introduced = new HashSet<string>();

        foreach (var e in history.Events)
        {
            var data = e.GetProperty("data");
            if (Text(e, "type") == "creator.upserted") introduced.Add(Text(data, "creatorId"));
            else if (data.TryGetProperty("creatorId", out var creator)) Assert.Contains(creator.GetString()!, introduced);
        }
    }

    [Fact]
    public async Task Threads_HaveTheirLanesDeadline_AndFollowUpsAfterCreation()
    {
        var history = await Default.Value;
        var threads = new Dictionary<string, JsonElement>();
        var replies = new Dictionary<string, string>();

        foreach (var e in history.Events)
        {
            var data = e.GetProperty("data");
            switch (Text(e, "type"))
            {
                case "thread.created":
                    var allowed = Time(data, "deadlineAt") - Time(data, "createdAt");
                    Assert.Equal(Text(data, "lane") == "fast" ? TimeSpan.FromHours(24) : TimeSpan.FromHours(48), allowed);
                    threads.Add(Text(data, "threadId"), data);
                    break;
                case "thread.replied":
                    Assert.True(Time(data, "at") > Time(threads[Text(data, "threadId")], "createdAt"));
                    replies.Add(Text(data, "messageId"), Text(data, "threadId"));
                    break;
                case "thread.refunded":
                    var thread = threads[Text(data, "threadId")];
                    Assert.True(Time(data, "at") > Time(thread, "createdAt"));
                    Assert.Equal(thread.GetProperty("amountMinor").GetInt64(), data.GetProperty("amountMinor").GetInt64());
                    if (Text(data, "reason") == "sla_miss") Assert.True(Time(data, "at") > Time(thread, "deadlineAt"));
                    break;
                case "message.flagged":
                    Assert.Equal(Text(data, "threadId"), replies[Text(data, "messageId")]);
                    break;
                case "refund.review_requested":
                    Assert.True(Time(data, "at") > Time(threads[Text(data, "threadId")], "createdAt"));
                    break;
            }
        }
    }

    [Fact]
    public async Task Threads_ComeFromAnEarlierCheckout_OfTheSameCreatorLaneAndOffer()
    {
        var history = await Default.Value;
        var checkouts = history.Data("checkout.started").ToDictionary(c => Text(c, "checkoutId"));

        Assert.All(history.Data("thread.created"), t =>
        {
            var checkout = checkouts[Text(t, "checkoutId")];
            Assert.True(Time(checkout, "at") < Time(t, "createdAt"));
            Assert.Equal(Text(checkout, "creatorId"), Text(t, "creatorId"));
            Assert.Equal(Text(checkout, "lane"), Text(t, "lane"));
            Assert.Equal(Optional(checkout, "offerId"), Optional(t, "offerId"));
        });
    }

    [Fact]
    public async Task Amounts_AreThePrice_TimesTheFastLaneFactor_LessAnyOffer()
    {
        var history = await Default.Value;
        var creators = history.Data("creator.upserted").GroupBy(c => Text(c, "creatorId")).ToDictionary(g => g.Key, g => g.First());

        Assert.All(history.Data("thread.created"), t =>
        {
            var creator = creators[Text(t, "creatorId")];
            var price = creator.GetProperty("standardPriceMinor").GetInt64();
            var lanePrice = Text(t, "lane") == "fast"
                ? (long)Math.Round(price * creator.GetProperty("fastLaneFactor").GetDecimal(), MidpointRounding.AwayFromZero)
                : price;
            var amount = t.GetProperty("amountMinor").GetInt64();
            if (Optional(t, "offerId") is null) Assert.Equal(lanePrice, amount);
            else Assert.InRange(amount, lanePrice * 70 / 100, lanePrice - 1);
        });
        Assert.Contains(history.Data("thread.created"), t => Text(t, "lane") == "fast" && Optional(t, "offerId") is null);
    }

    [Fact]
    public async Task PausedOrBannedCreators_TakeNoCheckoutsAfterwards()
    {
        var history = await Default.Value;
        var stoppedAt = history.Events
            .Where(e => Text(e, "type") == "creator.upserted" && Text(e.GetProperty("data"), "checkoutStatus") != "active")
            .ToDictionary(e => Text(e.GetProperty("data"), "creatorId"), e => Time(e, "occurredAt"));

        Assert.NotEmpty(stoppedAt);
        Assert.All(history.Data("checkout.started"), c =>
        {
            if (stoppedAt.TryGetValue(Text(c, "creatorId"), out var stopped)) Assert.True(Time(c, "at") < stopped);
        });
    }
}
