using System.Text.RegularExpressions;
using OpsBot.Data;

namespace OpsBot.Platform;

/// <summary>Every event type of metrics.md §1 and how its <c>data</c> is read and checked.</summary>
internal static partial class EventTypes
{
    /// <summary>The fast lane never costs less than standard; far above this it is a typo, not a price.</summary>
    public const decimal MaxFastLaneFactor = 100;

    private static readonly Dictionary<string, Lane> Lanes = new() { ["standard"] = Lane.Standard, ["fast"] = Lane.Fast };

    private static readonly Dictionary<string, RefundReason> RefundReasons = new()
    {
        ["sla_miss"] = RefundReason.SlaMiss, ["poor_answer"] = RefundReason.PoorAnswer, ["other"] = RefundReason.Other,
    };

    private static readonly Dictionary<string, CheckoutStatus> CheckoutStatuses = new()
    {
        ["active"] = CheckoutStatus.Active, ["maintenance"] = CheckoutStatus.Maintenance, ["banned"] = CheckoutStatus.Banned,
    };

    public static readonly IReadOnlyDictionary<string, Func<FieldReader, EventData>> Readers = new Dictionary<string, Func<FieldReader, EventData>>
    {
        ["creator.upserted"] = ReadCreatorUpserted,
        ["chat.visited"] = r => new ChatVisited(r.Text("creatorId"), r.Text("visitorId"), r.Time("at")),
        ["checkout.started"] = r => new CheckoutStarted(r.Text("checkoutId"), r.Text("creatorId"), r.Choice("lane", Lanes), r.OptionalText("offerId"), r.Time("at")),
        ["thread.created"] = ReadThreadCreated,
        ["thread.replied"] = r => new ThreadReplied(r.Text("threadId"), r.Text("messageId"), r.Time("at")),
        ["thread.refunded"] = r => new ThreadRefunded(
            r.Text("threadId"), r.Text("refundId"), r.Minor("amountMinor"), r.Currency("currency"),
            r.Choice("reason", RefundReasons), r.Flag("automatic"), r.Time("at")),
        ["message.flagged"] = r => new MessageFlagged(
            r.Text("threadId"), r.Text("messageId"), r.Text("reason", Limits.Text), r.OptionalText("note", Limits.Note), r.Time("at")),
        ["refund.review_requested"] = r => new RefundReviewRequested(
            r.Text("threadId"), r.Text("reason", Limits.Text), r.OptionalText("note", Limits.Note), r.Time("at")),
    };

    private static EventData ReadThreadCreated(FieldReader r)
    {
        var errorsBefore = r.ErrorCount;
        var thread = new ThreadCreated(
            r.Text("threadId"), r.Text("creatorId"), r.Text("fanId"), r.OptionalText("checkoutId"), r.Choice("lane", Lanes),
            r.OptionalText("offerId"), r.Minor("amountMinor"), r.Currency("currency"), r.Time("createdAt"), r.Time("deadlineAt"));
        if (r.ErrorCount == errorsBefore && thread.DeadlineAt <= thread.CreatedAt)
            r.Fail("deadlineAt", "must be after createdAt");
        return thread;
    }

    private static EventData ReadCreatorUpserted(FieldReader r)
    {
        var creator = new CreatorUpserted(
            r.Text("creatorId"), r.Text("handle", Limits.Handle), r.Text("displayName", Limits.Text),
            r.OptionalText("email", Limits.Text), r.OptionalText("timeZone"), r.OptionalText("locale", Limits.Code),
            r.Minor("standardPriceMinor"), r.Currency("currency"), r.Number("fastLaneFactor", min: 1, max: MaxFastLaneFactor), r.Flag("fastLaneEnabled"),
            r.Choice("checkoutStatus", CheckoutStatuses), r.OptionalText("referralCode"), r.OptionalText("referredByCode"),
            r.Time("joinedAt"), r.OptionalText("slackUserId"), r.OptionalText("discordUserId"));
        if (creator.Handle != "" && !Handle().IsMatch(creator.Handle))
            r.Fail("handle", "must be letters, digits, '.', '_' or '-' (an optional leading '@' is dropped when matching)");
        if (creator.Email is { } email && !email.Contains('@'))
            r.Fail("email", "must be an email address");
        if (creator.TimeZone is { } zone && !IsIanaZone(zone))
            r.Fail("timeZone", "must be an IANA time zone such as Europe/Berlin");
        if (creator.Locale is { } locale && !Locale().IsMatch(locale))
            r.Fail("locale", "must be a language tag such as de-DE");
        return creator;
    }

    /// <summary>Exact IANA id: Windows ids and other spellings resolve on some systems but are not IANA.</summary>
    private static bool IsIanaZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && zone.Id == id;

    [GeneratedRegex(@"^@?[A-Za-z0-9._-]+$")]
    private static partial Regex Handle();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex Locale();
}
