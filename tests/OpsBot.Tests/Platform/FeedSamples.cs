using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OpsBot.Platform;

namespace OpsBot.Tests.Platform;

/// <summary>Valid events of every type, as JSON, for tests to send as they are or to break one field of.</summary>
internal static class FeedSamples
{
    public const string CreatedAt = "2026-11-20T08:00:00Z";
    public const string DeadlineAt = "2026-11-21T08:00:00Z";
    private static int next;

    public static EventParser Parser { get; } = new(Options.Create(new OpsBotOptions()));

    public static JsonObject Event(string type, JsonObject data, string? id = null, string occurredAt = CreatedAt) => new()
    {
        ["id"] = id ?? $"evt_{System.Threading.Interlocked.Increment(ref next)}",
        ["type"] = type,
        ["occurredAt"] = occurredAt,
        ["data"] = data,
    };

    public static JsonObject Creator(string creatorId = "cr_anna", string handle = "anna", string? id = null, string occurredAt = "2026-11-01T10:00:00Z", string displayName = "Anna") =>
        Event("creator.upserted", new JsonObject
        {
            ["creatorId"] = creatorId, ["handle"] = handle, ["displayName"] = displayName, ["email"] = "anna@example.com",
            ["timeZone"] = "Europe/Berlin", ["locale"] = "de-DE", ["standardPriceMinor"] = 1999, ["currency"] = "EUR",
            ["fastLaneFactor"] = 1.5, ["fastLaneEnabled"] = true, ["checkoutStatus"] = "active", ["referralCode"] = "ANNA10",
            ["joinedAt"] = "2026-10-01T09:00:00+02:00",
        }, id, occurredAt);

    public static JsonObject Visit(string creatorId = "cr_anna", string visitorId = "vis_1", string at = CreatedAt, string? id = null) =>
        Event("chat.visited", new JsonObject { ["creatorId"] = creatorId, ["visitorId"] = visitorId, ["at"] = at }, id, at);

    public static JsonObject Checkout(string checkoutId = "co_1", string creatorId = "cr_anna", string at = CreatedAt, string? id = null) =>
        Event("checkout.started", new JsonObject { ["checkoutId"] = checkoutId, ["creatorId"] = creatorId, ["lane"] = "fast", ["offerId"] = "off_1", ["at"] = at }, id, at);

    public static JsonObject Thread(string threadId = "th_1", string creatorId = "cr_anna", string createdAt = CreatedAt, string deadlineAt = DeadlineAt, long amountMinor = 2999, string? id = null) =>
        Event("thread.created", new JsonObject
        {
            ["threadId"] = threadId, ["creatorId"] = creatorId, ["fanId"] = "fan_1", ["checkoutId"] = "co_1", ["lane"] = "fast",
            ["amountMinor"] = amountMinor, ["currency"] = "EUR", ["createdAt"] = createdAt, ["deadlineAt"] = deadlineAt,
        }, id, createdAt);

    public static JsonObject Reply(string threadId = "th_1", string messageId = "msg_1", string at = "2026-11-20T10:00:00Z", string? id = null) =>
        Event("thread.replied", new JsonObject { ["threadId"] = threadId, ["messageId"] = messageId, ["at"] = at }, id, at);

    public static JsonObject Refund(string threadId = "th_1", string refundId = "rf_1", string at = "2026-11-21T09:00:00Z", string? id = null) =>
        Event("thread.refunded", new JsonObject
        {
            ["threadId"] = threadId, ["refundId"] = refundId, ["amountMinor"] = 2999, ["currency"] = "EUR",
            ["reason"] = "sla_miss", ["automatic"] = true, ["at"] = at,
        }, id, at);

    public static JsonObject Flag(string threadId = "th_1", string? id = null) =>
        Event("message.flagged", new JsonObject { ["threadId"] = threadId, ["messageId"] = "msg_1", ["reason"] = "off topic", ["note"] = null, ["at"] = "2026-11-20T11:00:00Z" }, id);

    public static JsonObject Review(string threadId = "th_1", string? id = null) =>
        Event("refund.review_requested", new JsonObject { ["threadId"] = threadId, ["reason"] = "replied 3 minutes late", ["at"] = "2026-11-21T08:05:00Z" }, id);

    public static string Batch(params JsonObject[] events) => new JsonArray([.. events.Select(e => e.DeepClone())]).ToJsonString();

    /// <summary>Parses events that must be valid (the store tests start from valid input).</summary>
    public static IReadOnlyList<PlatformEvent> Valid(params JsonObject[] events)
    {
        var parsed = Parser.ParseArray(System.Text.Encoding.UTF8.GetBytes(Batch(events)));
        Assert.Empty(parsed.Errors);
        return parsed.Events;
    }
}
