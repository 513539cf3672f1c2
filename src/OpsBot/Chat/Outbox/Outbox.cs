using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// Everything OpsBot sends on its own goes in here first, under a key the caller chooses (<c>digest.daily:2026-11-24</c>);
/// the <see cref="OutboxWorker"/> delivers it. The same key enqueued again, by this or another instance, changes nothing.
/// </summary>
public sealed class Outbox(OpsDbContext db, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>Stores a new post for <paramref name="target"/>.</summary>
    /// <returns>The stored item: the new one, or the one already stored under <paramref name="key"/>.</returns>
    public async Task<OutboxMessage> EnqueueAsync(string key, OutboxTarget target, ChatMessage message, CancellationToken ct) =>
        (await AddAsync(key, target, updateOf: null, message, ct)).Item;

    /// <summary>
    /// Stores a rewrite of the message enqueued as <paramref name="updateOf"/> (an alert updated in place), under its
    /// own <paramref name="key"/>. It is sent after the original was delivered, to the same place.
    /// </summary>
    public async Task<OutboxMessage> EnqueueUpdateAsync(string key, string updateOf, ChatMessage message, CancellationToken ct) =>
        (await AddUpdateAsync(key, updateOf, message, ct)).Item;

    /// <summary>
    /// <see cref="EnqueueUpdateAsync"/> for a caller that acts once per key: of two buttons pressed at the same moment,
    /// the one whose update is stored does the rest (inside one transaction with it), the other does nothing.
    /// </summary>
    /// <returns>true when this call stored it; false when <paramref name="key"/> was stored already.</returns>
    public async Task<bool> TryEnqueueUpdateAsync(string key, string updateOf, ChatMessage message, CancellationToken ct) =>
        (await AddUpdateAsync(key, updateOf, message, ct)).Added;

    private async Task<(OutboxMessage Item, bool Added)> AddUpdateAsync(string key, string updateOf, ChatMessage message, CancellationToken ct)
    {
        var original = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Key == updateOf && m.UpdateOf == null)
            .Select(m => new { m.TargetKind, m.TargetId })
            .SingleOrDefaultAsync(ct)
            ?? throw new ArgumentException($"No post was enqueued as '{updateOf}', so there is nothing to update.", nameof(updateOf));
        return await AddAsync(key, new OutboxTarget(original.TargetKind, original.TargetId), updateOf, message, ct);
    }

    private async Task<(OutboxMessage Item, bool Added)> AddAsync(string key, OutboxTarget target, string? updateOf, ChatMessage message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > OutboxMessage.KeyLength)
            throw new ArgumentException($"An outbox key is 1 to {OutboxMessage.KeyLength} characters.", nameof(key));
        if (await FindAsync(key, ct) is { } existing) return (existing, false);

        var now = clock.GetUtcNow();
        var item = new OutboxMessage
        {
            Key = key,
            TargetKind = target.Kind,
            TargetId = target.Id,
            UpdateOf = updateOf,
            Content = ChatMessageJson.Serialize(message),
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same key between our look and our insert: the unique index decided.
            db.Entry(item).State = EntityState.Detached;
            if (await FindAsync(key, ct) is { } winner) return (winner, false);
            throw;
        }
        signal.Wake();
        return (item, true);
    }

    private Task<OutboxMessage?> FindAsync(string key, CancellationToken ct) =>
        db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key, ct);
}
