using OpsBot.Data;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Platform;

/// <summary>A platform event that passed validation (metrics.md §1). Every time is UTC.</summary>
public sealed record PlatformEvent(string Id, string Type, DateTimeOffset OccurredAt, EventData Data);

/// <summary>
/// The <c>data</c> of an event. Records stay immutable so a batch can be applied again after a
/// lost race; each makes a fresh entity for the store.
/// </summary>
public abstract record EventData;

public sealed record CreatorUpserted(
    string CreatorId, string Handle, string DisplayName, string? Email, string? TimeZone, string? Locale,
    long StandardPriceMinor, string Currency, decimal FastLaneFactor, bool FastLaneEnabled, CheckoutStatus CheckoutStatus,
    string? ReferralCode, string? ReferredByCode, DateTimeOffset JoinedAt, string? SlackUserId, string? DiscordUserId) : EventData
{
    public string HandleKey => Creator.KeyOf(Handle);

    public Creator ToCreator(DateTimeOffset occurredAt)
    {
        var creator = new Creator { Id = CreatorId, Handle = Handle, HandleKey = HandleKey, DisplayName = DisplayName, Currency = Currency };
        CopyTo(creator, occurredAt);
        return creator;
    }

    /// <summary>A later upsert replaces every field, optional ones included (absent means none).</summary>
    public void CopyTo(Creator creator, DateTimeOffset occurredAt)
    {
        creator.Handle = Handle;
        creator.HandleKey = HandleKey;
        creator.DisplayName = DisplayName;
        creator.Email = Email;
        creator.TimeZone = TimeZone;
        creator.Locale = Locale;
        creator.StandardPriceMinor = StandardPriceMinor;
        creator.Currency = Currency;
        creator.FastLaneFactor = FastLaneFactor;
        creator.FastLaneEnabled = FastLaneEnabled;
        creator.CheckoutStatus = CheckoutStatus;
        creator.ReferralCode = ReferralCode;
        creator.ReferredByCode = ReferredByCode;
        creator.JoinedAt = JoinedAt;
        creator.SlackUserId = SlackUserId;
        creator.DiscordUserId = DiscordUserId;
        creator.UpdatedAt = occurredAt;
    }
}

public sealed record ChatVisited(string CreatorId, string VisitorId, DateTimeOffset At) : EventData
{
    public ChatVisit ToEntity() => new() { CreatorId = CreatorId, VisitorId = VisitorId, At = At };
}

public sealed record CheckoutStarted(string CheckoutId, string CreatorId, Lane Lane, string? OfferId, DateTimeOffset At) : EventData
{
    public Checkout ToEntity() => new() { Id = CheckoutId, CreatorId = CreatorId, Lane = Lane, OfferId = OfferId, At = At };
}

public sealed record ThreadCreated(
    string ThreadId, string CreatorId, string FanId, string? CheckoutId, Lane Lane, string? OfferId,
    long AmountMinor, string Currency, DateTimeOffset CreatedAt, DateTimeOffset DeadlineAt) : EventData
{
    public Thread ToEntity() => new()
    {
        Id = ThreadId, CreatorId = CreatorId, FanId = FanId, CheckoutId = CheckoutId, Lane = Lane, OfferId = OfferId,
        AmountMinor = AmountMinor, Currency = Currency, CreatedAt = CreatedAt, DeadlineAt = DeadlineAt,
        AllowedMs = (long)(DeadlineAt - CreatedAt).TotalMilliseconds,
    };
}

public sealed record ThreadReplied(string ThreadId, string MessageId, DateTimeOffset At) : EventData
{
    public Reply ToEntity() => new() { ThreadId = ThreadId, MessageId = MessageId, At = At };
}

public sealed record ThreadRefunded(
    string ThreadId, string RefundId, long AmountMinor, string Currency, RefundReason Reason, bool Automatic, DateTimeOffset At) : EventData
{
    public Refund ToEntity() => new()
    {
        Id = RefundId, ThreadId = ThreadId, AmountMinor = AmountMinor, Currency = Currency, Reason = Reason, Automatic = Automatic, At = At,
    };
}

public sealed record MessageFlagged(string ThreadId, string MessageId, string Reason, string? Note, DateTimeOffset At) : EventData
{
    public MessageFlag ToEntity() => new() { ThreadId = ThreadId, MessageId = MessageId, Reason = Reason, Note = Note, At = At };
}

public sealed record RefundReviewRequested(string ThreadId, string Reason, string? Note, DateTimeOffset At) : EventData
{
    public RefundReview ToEntity() => new() { ThreadId = ThreadId, Reason = Reason, Note = Note, At = At };
}

/// <summary>Why one event was refused. <c>Index</c> is its position in the batch (null: the whole body).</summary>
public sealed record EventError(int? Index, string? Id, string Field, string Reason);
