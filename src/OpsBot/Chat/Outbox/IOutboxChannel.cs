namespace OpsBot.Chat.Outbox;

/// <summary>One chat platform's way to deliver outbox messages; features never see it.</summary>
public interface IOutboxChannel
{
    /// <summary>
    /// Delivers by writing to the ops store itself (the playground): the post and its "sent" mark are then one
    /// transaction, so such a channel never shows a message twice.
    /// </summary>
    bool InStore => false;

    /// <summary>
    /// Whether this instance can deliver through it (email without <c>Email:*</c> cannot). When not, the worker leaves
    /// its messages in the outbox for an instance that can, instead of failing and parking them.
    /// </summary>
    bool Ready => true;

    /// <summary>Posts a new message.</summary>
    /// <param name="post">The item being posted: its key, and whether an earlier attempt may already have delivered it.</param>
    /// <returns>The platform's reference to it, kept for later updates.</returns>
    Task<string> PostAsync(OutboxPost post, OutboxTarget target, ChatMessage message, CancellationToken ct);

    /// <summary>Rewrites the message at <paramref name="reference"/> in place (same edit twice: same result).</summary>
    Task UpdateAsync(string reference, ChatMessage message, CancellationToken ct);
}
