using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// Which channel delivers which outbox target: the chat platform's for team posts and creator DMs, the email channel
/// for <see cref="OutboxTargetKind.CreatorEmail"/> whatever the chat platform. Either may be missing; what has no
/// channel waits in the outbox and is not claimed.
/// </summary>
public sealed record OutboxRoutes(IOutboxChannel? Chat, IOutboxChannel? Email)
{
    public bool Any => Chat is not null || Email is not null;

    public IOutboxChannel? For(OutboxTargetKind kind) => kind == OutboxTargetKind.CreatorEmail ? Email : Chat;

    /// <summary>Only the messages this instance has a channel for.</summary>
    internal IQueryable<OutboxMessage> Deliverable(IQueryable<OutboxMessage> messages) => (Chat, Email) switch
    {
        (null, null) => messages.Where(m => false),
        (null, _) => messages.Where(m => m.TargetKind == OutboxTargetKind.CreatorEmail),
        (_, null) => messages.Where(m => m.TargetKind != OutboxTargetKind.CreatorEmail),
        _ => messages,
    };
}
