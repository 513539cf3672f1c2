using System.Text;
using System.Text.Json.Nodes;
using OpsBot.Data;
using OpsBot.Platform;

namespace OpsBot.Tests.Platform;

public sealed class EventParserTests
{
    private const string Absent = "<absent>";

    private static readonly Dictionary<string, Func<JsonObject>> Samples = new()
    {
        ["creator.upserted"] = () => FeedSamples.Creator(id: "evt_x"),
        ["chat.visited"] = () => FeedSamples.Visit(id: "evt_x"),
        ["checkout.started"] = () => FeedSamples.Checkout(id: "evt_x"),
        ["thread.created"] = () => FeedSamples.Thread(id: "evt_x"),
        ["thread.replied"] = () => FeedSamples.Reply(id: "evt_x"),
        ["thread.refunded"] = () => FeedSamples.Refund(id: "evt_x"),
        ["message.flagged"] = () => FeedSamples.Flag(id: "evt_x"),
        ["refund.review_requested"] = () => FeedSamples.Review(id: "evt_x"),
    };

    /// <summary>case, event type, field to change, new JSON value (or absent), field reported, words of the reason.</summary>
    public static TheoryData<string, string, string, string, string, string> BrokenEvents => new()
    {
        { "unknown type", "chat.visited", "type", "\"chat.left\"", "type", "unknown event type" },
        { "missing id", "chat.visited", "id", Absent, "id", "is required" },
        { "empty id", "chat.visited", "id", "\"  \"", "id", "must not be empty" },
        { "timestamp without offset", "chat.visited", "occurredAt", "\"2026-11-20T08:00:00\"", "occurredAt", "with an offset" },
        { "date only", "chat.visited", "data.at", "\"2026-11-20\"", "data.at", "with an offset" },
        { "impossible date", "chat.visited", "data.at", "\"2026-13-01T00:00:00Z\"", "data.at", "ISO-8601" },
        { "timestamp as number", "chat.visited", "data.at", "1795680000", "data.at", "ISO-8601" },
        { "data missing", "chat.visited", "data", Absent, "data", "is required" },
        { "data not an object", "chat.visited", "data", "[]", "data", "JSON object" },
        { "missing creatorId", "chat.visited", "data.creatorId", Absent, "data.creatorId", "is required" },
        { "null required field", "thread.replied", "data.messageId", "null", "data.messageId", "is required" },
        { "id as number", "thread.replied", "data.threadId", "42", "data.threadId", "must be a string" },
        { "id too long", "thread.replied", "data.threadId", $"\"{new string('x', 129)}\"", "data.threadId", "at most 128" },
        { "negative amount", "thread.created", "data.amountMinor", "-1", "data.amountMinor", "negative" },
        { "amount as string", "thread.created", "data.amountMinor", "\"2999\"", "data.amountMinor", "integer" },
        { "amount with decimals", "thread.created", "data.amountMinor", "29.99", "data.amountMinor", "integer" },
        { "other currency", "thread.created", "data.currency", "\"USD\"", "data.currency", "must be EUR" },
        { "lower-case currency", "thread.refunded", "data.currency", "\"eur\"", "data.currency", "must be EUR" },
        { "deadline before creation", "thread.created", "data.deadlineAt", "\"2026-11-20T07:59:59Z\"", "data.deadlineAt", "after createdAt" },
        { "deadline at creation", "thread.created", "data.deadlineAt", $"\"{FeedSamples.CreatedAt}\"", "data.deadlineAt", "after createdAt" },
        { "unknown lane", "thread.created", "data.lane", "\"express\"", "data.lane", "standard, fast" },
        { "lane in capitals", "checkout.started", "data.lane", "\"Fast\"", "data.lane", "standard, fast" },
        { "unknown refund reason", "thread.refunded", "data.reason", "\"fraud\"", "data.reason", "sla_miss, poor_answer, other" },
        { "automatic as string", "thread.refunded", "data.automatic", "\"true\"", "data.automatic", "true or false" },
        { "negative refund", "thread.refunded", "data.amountMinor", "-5", "data.amountMinor", "negative" },
        { "unknown checkout status", "creator.upserted", "data.checkoutStatus", "\"paused\"", "data.checkoutStatus", "active, maintenance, banned" },
        { "unknown time zone", "creator.upserted", "data.timeZone", "\"Mars/Olympus\"", "data.timeZone", "IANA" },
        { "Windows time zone id", "creator.upserted", "data.timeZone", "\"W. Europe Standard Time\"", "data.timeZone", "IANA" },
        { "fast lane cheaper than standard", "creator.upserted", "data.fastLaneFactor", "0.9", "data.fastLaneFactor", "between 1 and 100" },
        { "fast lane factor as string", "creator.upserted", "data.fastLaneFactor", "\"1.5\"", "data.fastLaneFactor", "number" },
        { "negative standard price", "creator.upserted", "data.standardPriceMinor", "-100", "data.standardPriceMinor", "negative" },
        { "handle with a space", "creator.upserted", "data.handle", "\"anna b\"", "data.handle", "letters, digits" },
        { "email without @", "creator.upserted", "data.email", "\"anna\"", "data.email", "email address" },
        { "empty optional field", "creator.upserted", "data.referralCode", "\"\"", "data.referralCode", "omit it or send null" },
        { "fastLaneEnabled as number", "creator.upserted", "data.fastLaneEnabled", "1", "data.fastLaneEnabled", "true or false" },
        { "missing flag reason", "message.flagged", "data.reason", Absent, "data.reason", "is required" },
        { "review without thread", "refund.review_requested", "data.threadId", Absent, "data.threadId", "is required" },
    };

    [Theory, MemberData(nameof(BrokenEvents))]
    public void Parse_BrokenEvent_ReportsIndexIdFieldAndReason(string @case, string type, string path, string json, string field, string reason)
    {
        var good = Samples[type]();
        var broken = Samples[type]();
        Set(broken, path, json);

        var parsed = FeedSamples.Parser.ParseArray(Encoding.UTF8.GetBytes(FeedSamples.Batch(FeedSamples.Creator(), good, broken)));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(2, error.Index);
        Assert.True(field == error.Field, $"{@case}: expected an error on {field}, got {error.Field}: {error.Reason}");
        Assert.Equal(path == "id" ? broken["id"]?.GetValue<string>() : "evt_x", error.Id);
        Assert.Contains(reason, error.Reason);
        Assert.Empty(parsed.Events); // one bad event and the batch is refused
    }

    [Fact]
    public void Parse_EverySampleType_IsValid()
    {
        var events = FeedSamples.Valid([.. Samples.Values.Select(sample => sample())]);

        Assert.Equal(EventParser.Types.Order(), events.Select(e => e.Type).Order());
    }

    [Fact]
    public void Parse_TimestampWithOffset_IsStoredAsUtc()
    {
        var visit = FeedSamples.Visit(at: "2026-11-20T09:15:00.1234+01:00");

        var data = (ChatVisited)FeedSamples.Valid(visit)[0].Data;

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 15, 0, 123, TimeSpan.Zero), data.At);
        Assert.Equal(TimeSpan.Zero, data.At.Offset);
    }

    [Fact]
    public void Parse_CreatorUpserted_ReadsEveryField()
    {
        var creator = (CreatorUpserted)FeedSamples.Valid(FeedSamples.Creator(handle: "@Anna"))[0].Data;

        Assert.Equal(("cr_anna", "@Anna", "anna", "Europe/Berlin", 1999L, 1.5m, CheckoutStatus.Active),
            (creator.CreatorId, creator.Handle, creator.HandleKey, creator.TimeZone, creator.StandardPriceMinor, creator.FastLaneFactor, creator.CheckoutStatus));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 7, 0, 0, TimeSpan.Zero), creator.JoinedAt);
        Assert.Null(creator.SlackUserId);
    }

    [Fact]
    public void Parse_SeveralBadFields_ReportsEachOne()
    {
        var thread = FeedSamples.Thread(id: "evt_t");
        Set(thread, "data.amountMinor", "-1");
        Set(thread, "data.lane", "\"slow\"");

        var parsed = FeedSamples.Parser.ParseArray(Encoding.UTF8.GetBytes(FeedSamples.Batch(thread)));

        Assert.Equal(["data.lane", "data.amountMinor"], parsed.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("{\"id\":\"evt_1\"}", "the body must be a JSON array")]
    [InlineData("[{\"id\":\"evt_1\",", "not valid JSON")]
    [InlineData("[{\"id\":\"evt_1\",\"id\":\"evt_2\"}]", "Duplicate property")]
    public void Parse_BodyThatIsNotAnArrayOfEvents_ReportsTheBody(string body, string reason)
    {
        var parsed = FeedSamples.Parser.ParseArray(Encoding.UTF8.GetBytes(body));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal((null, "$"), (error.Index, error.Field));
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Parse_ArrayElementNotAnObject_ReportsItsIndex()
    {
        var parsed = FeedSamples.Parser.ParseArray(Encoding.UTF8.GetBytes($"[{FeedSamples.Visit().ToJsonString()}, 42]"));

        Assert.Equal(1, Assert.Single(parsed.Errors).Index);
    }

    [Fact]
    public void Parse_UnknownExtraField_IsIgnoredForwardCompatibly()
    {
        var visit = FeedSamples.Visit();
        visit["data"]!["referrer"] = "https://example.com";

        Assert.Single(FeedSamples.Valid(visit));
    }

    private static void Set(JsonObject e, string path, string json)
    {
        var parts = path.Split('.');
        var target = parts.Length == 1 ? e : e[parts[0]]!.AsObject();
        if (json == Absent) target.Remove(parts[^1]);
        else target[parts[^1]] = JsonNode.Parse(json);
    }
}
