using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// Claims due outbox messages and sends them, one claim per message. A claim is one conditional UPDATE (still due,
/// nobody's live lease), so of two instances exactly one wins it; the other moves on.
/// </summary>
/// <remarks>
/// The playground posts into the ops store, so its post and the "sent" mark commit together: exactly once.
/// Slack has one window where a message can appear twice: Slack accepted it, but this instance died (or lost its
/// lease) before marking it sent, or Slack answered 5xx/timed out after posting. The message stays
/// <see cref="OutboxStatus.Sending"/> (or is retried) and is sent again, because Slack has no idempotency key to ask
/// with. The window is kept to the instant between Slack's answer and one UPDATE, which is written even while the
/// host is stopping; SlackApi itself repeats a post only after a 429 or a refused connection (nothing posted).
/// </remarks>
public sealed class OutboxSender(OpsDbContext db, OutboxSignal signal, OutboxParking parking, TimeProvider clock,
    IOptions<OutboxOptions> options, ILogger<OutboxSender> log)
{
    public const int Batch = 20;

    private readonly OutboxOptions settings = options.Value;

    /// <returns>How many messages this instance claimed (sent or not).</returns>
    public async Task<int> SendDueAsync(OutboxRoutes routes, CancellationToken ct)
    {
        var due = await routes.Deliverable(Due(clock.GetUtcNow())).OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        var claimed = 0;
        foreach (var id in due)
        {
            if (!await TryClaimAsync(id, ct)) continue;
            claimed++;
            await SendAsync(id, routes, ct);
        }
        return claimed;
    }

    private IQueryable<OutboxMessage> Due(DateTimeOffset now) => db.OutboxMessages.Where(m =>
        (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil <= now));

    private async Task<bool> TryClaimAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + settings.Lease;
        return await Due(now).Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.LeaseOwner, signal.Owner)
            .SetProperty(m => m.LeaseUntil, leaseUntil)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct) == 1;
    }

    private async Task SendAsync(long id, OutboxRoutes routes, CancellationToken ct)
    {
        var item = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        var channel = routes.For(item.TargetKind)!;
        var sent = channel.InStore
            ? await db.InTransactionAsync(ct => DeliverAndMarkAsync(item, channel, ct), ct)
            : await DeliverAndMarkAsync(item, channel, ct);
        if (sent.Failure is { } e)
        {
            // A post the channel added but could not save must not ride along with the next message's save.
            db.ChangeTracker.Clear();
            await parking.FailedAsync(item, e, ct);
        }
        else if (!sent.Marked && !channel.InStore)
            log.LogWarning("Outbox {Key} was delivered after its lease ran out; another instance may deliver it again", item.Key);
    }

    /// <summary>In the store, inside the transaction that also holds the channel's post: post and "sent" mark commit together.</summary>
    private async Task<Sent> DeliverAndMarkAsync(OutboxMessage item, IOutboxChannel channel, CancellationToken ct)
    {
        string reference;
        try
        {
            reference = await DeliverAsync(item, channel, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (channel.InStore) await db.Database.RollbackTransactionAsync(CancellationToken.None);
            return new Sent(false, e);
        }
        // Not cancellable: once the platform has it, only this write keeps a restart from sending it again.
        var marked = await MarkSentAsync(item.Id, reference) == 1;
        // In the store, a lost lease undoes the post: whoever holds the lease now delivers it, once.
        if (!marked && channel.InStore) await db.Database.RollbackTransactionAsync(CancellationToken.None);
        return new Sent(marked, null);
    }

    private sealed record Sent(bool Marked, Exception? Failure);

    private Task<int> MarkSentAsync(long id, string reference) => Claimed(id).ExecuteUpdateAsync(s => s
        .SetProperty(m => m.Status, OutboxStatus.Sent)
        .SetProperty(m => m.Reference, reference)
        .SetProperty(m => m.SentAt, clock.GetUtcNow())
        .SetProperty(m => m.LeaseOwner, (string?)null)
        .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
        .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);

    private async Task<string> DeliverAsync(OutboxMessage item, IOutboxChannel channel, CancellationToken ct)
    {
        var message = ChatMessageJson.Deserialize(item.Content);
        if (item.UpdateOf is null) return await channel.PostAsync(item.Key, new OutboxTarget(item.TargetKind, item.TargetId), message, ct);

        var original = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Key == item.UpdateOf && m.Status == OutboxStatus.Sent)
            .Select(m => m.Reference)
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"'{item.UpdateOf}' is not delivered yet, so it cannot be updated.");
        await channel.UpdateAsync(original, message, ct);
        return original;
    }

    private IQueryable<OutboxMessage> Claimed(long id) => Claimed(db, id, signal.Owner);

    /// <summary>Still ours: a write after a lost lease must not overwrite the new owner's state.</summary>
    internal static IQueryable<OutboxMessage> Claimed(OpsDbContext db, long id, string owner) =>
        db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Sending && m.LeaseOwner == owner);
}
