using System.Text.Json.Serialization;

namespace OpsBot.Platform.Demo;

/// <summary>
/// One platform event as metrics.md §1 defines it. The record's public properties are exactly the
/// event's <c>data</c> fields (null = optional and absent); type and time live on the envelope.
/// </summary>
internal interface IPlatformEvent
{
    string Type { get; }
    DateTimeOffset OccurredAt { get; }
}

internal static class Lanes
{
    public const string Standard = "standard", Fast = "fast";
}

internal static class RefundReasons
{
    public const string SlaMiss = "sla_miss", PoorAnswer = "poor_answer", Other = "other";
}

internal sealed record CreatorUpserted(
    [property: JsonIgnore] DateTimeOffset OccurredAt,
    string CreatorId, string Handle, string DisplayName, string? Email, string? TimeZone, string? Locale,
    long StandardPriceMinor, string Currency, decimal FastLaneFactor, bool FastLaneEnabled, string CheckoutStatus,
    string? ReferralCode, string? ReferredByCode, DateTimeOffset JoinedAt, string? SlackUserId, string? DiscordUserId) : IPlatformEvent
{
    public const string TypeName = "creator.upserted";
    string IPlatformEvent.Type => TypeName;
}

internal sealed record ChatVisited(string CreatorId, string VisitorId, DateTimeOffset At) : IPlatformEvent
{
    public const string TypeName = "chat.visited";
    string IPlatformEvent.Type => TypeName;
    DateTimeOffset IPlatformEvent.OccurredAt => At;
}

internal sealed record CheckoutStarted(string CheckoutId, string CreatorId, string Lane, string? OfferId, DateTimeOffset At) : IPlatformEvent
{
    public const string TypeName = "checkout.started";
    string IPlatformEvent.Type => TypeName;
    DateTimeOffset IPlatformEvent.OccurredAt => At;
}

internal sealed record ThreadCreated(
    string ThreadId, string CreatorId, string FanId, string? CheckoutId, string Lane, string? OfferId,
    long AmountMinor, string Currency, DateTimeOffset CreatedAt, DateTimeOffset DeadlineAt) : IPlatformEvent
{
    public const string TypeName = "thread.created";
    string IPlatformEvent.Type => TypeName;
    DateTimeOffset IPlatformEvent.OccurredAt => CreatedAt;
}

internal sealed record ThreadReplied(string ThreadId, string MessageId, DateTimeOffset At) : IPlatformEvent
{
    public const string TypeName = "thread.replied";
    string IPlatformEvent.Type => TypeName;
    DateTimeOffset IPlatformEvent.OccurredAt => At;
}

internal sealed record ThreadRefunded(
    string ThreadId, string RefundId, long AmountMinor, string Currency, string Reason, bool Automatic, DateTimeOffset At) : IPlatformEvent
{
    public const string TypeName = "thread.refunded";
    string IPlatformEvent.Type => TypeName;
    DateTimeOffset IPlatformEvent.OccurredAt => At;
}

internal sealed record MessageFlagged(string ThreadId, string MessageId, string Reason, string? Note, DateTimeOffset At) : IPlatformEvent
{
    public const string TypeName = "message.flagged";
    string IPlatformEvent.Type => TypeName;
    DateTimeOffset IPlatformEvent.OccurredAt => At;
}

internal sealed record RefundReviewRequested(string ThreadId, string Reason, string? Note, DateTimeOffset At) : IPlatformEvent
{
    public const string TypeName = "refund.review_requested";
    string IPlatformEvent.Type => TypeName;
    DateTimeOffset IPlatformEvent.OccurredAt => At;
}
