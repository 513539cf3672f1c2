using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// Claims due outbox messages and sends them, one claim per message. A claim is one conditional UPDATE (still due,
/// nobody's live lease), so of two instances exactly one wins it; the other moves on. While a message is sent to a
/// platform its lease is renewed (<see cref="OutboxHeartbeat"/>), so a slow send is not taken over and sent twice.
/// </summary>
/// <remarks>
/// <para>
/// The playground posts into the ops store, so its post and the "sent" mark commit together: exactly once.
/// Slack has no idempotency key, and may have posted a message it answered with a 5xx, whose answer timed out or was
/// lost, or whose instance died (or stalled past its lease) before marking it sent. So each post carries its outbox key
/// as message metadata, and every retry of a post (<see cref="OutboxPost.MayAlreadyBeDelivered"/>, a claim taken over
/// after a lease included) first looks for that key in the channel's history and takes a message found there as the
/// delivery (<see cref="SlackOutboxChannel"/>). When the history cannot be read, the send fails and is retried
/// rather than risk a second post. What is left: a post Slack has but does not show in conversations.history yet when
/// the retry looks (at least 30 s later, or a lease later), or one deleted in Slack meanwhile, is posted again; the
/// files of a found post are not shared again, so a post whose first attempt failed before sharing them goes without
/// them. SlackApi itself repeats a post only after a short 429 or a refused connection (nothing posted).
/// </para>
/// <para>
/// An update in place (an alert's new figures) is due only once its original is <see cref="OutboxStatus.Sent"/>, so it
/// is not claimed, and spends no attempts, before there is a message to rewrite. Each update carries the whole latest
/// content, so of several updates of one message only the newest matters: an update that has a newer one (higher id)
/// is marked sent without a call to the platform, and an older one retried late cannot overwrite a newer one already
/// sent. Two updates of one message sent at the same moment by two instances can still land out of order.
/// When the original is parked, its updates stay pending, unclaimed and without alerts of their own: the original's
/// alert already says the message is missing, and should the original be delivered after all, they follow it.
/// </para>
/// </remarks>
public sealed class OutboxSender(OpsDbContext db, OutboxSignal signal, OutboxParking parking, OutboxHeartbeat heartbeat, TimeProvider clock,
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
        ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil <= now))
        && (m.UpdateOf == null || db.OutboxMessages.Any(o => o.Key == m.UpdateOf && o.Status == OutboxStatus.Sent)));

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
            if (e is DeliveryDeferredException deferred) await parking.DeferredAsync(item, deferred, ct);
            else await parking.FailedAsync(item, e, ct);
        }
        else if (!sent.Marked && !channel.InStore && !sent.TakenOver)
            log.LogWarning("Outbox {Key} was delivered after its lease ran out; another instance may deliver it again", item.Key);
    }

    /// <summary>In the store, inside the transaction that also holds the channel's post: post and "sent" mark commit together.</summary>
    private async Task<Sent> DeliverAndMarkAsync(OutboxMessage item, IOutboxChannel channel, CancellationToken ct)
    {
        string reference;
        // In the store the post commits only with the "sent" mark, which a lost claim refuses, so only platforms need the heartbeat.
        await using (var beat = channel.InStore ? null : heartbeat.Start(item))
        {
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(ct, beat?.Lost ?? CancellationToken.None);
            try
            {
                reference = await DeliverAsync(item, channel, sending.Token);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                if (channel.InStore) await db.Database.RollbackTransactionAsync(CancellationToken.None);
                return beat?.Lost.IsCancellationRequested == true ? Sent.LostToAnotherInstance : new Sent(false, e);
            }
        }
        // Not cancellable: once the platform has it, only this write keeps a restart from sending it again.
        var marked = await MarkSentAsync(item.Id, reference) == 1;
        // In the store, a lost lease undoes the post: whoever holds the lease now delivers it, once.
        if (!marked && channel.InStore) await db.Database.RollbackTransactionAsync(CancellationToken.None);
        return new Sent(marked, null);
    }

    /// <param name="TakenOver">The heartbeat found the claim taken over and stopped the send; the new owner delivers it.</param>
    private sealed record Sent(bool Marked, Exception? Failure, bool TakenOver = false)
    {
        public static readonly Sent LostToAnotherInstance = new(false, null, TakenOver: true);
    }

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
        if (item.UpdateOf is null)
            return await channel.PostAsync(new OutboxPost(item.Key, item.CreatedAt, item.Attempts), new OutboxTarget(item.TargetKind, item.TargetId), message, ct);

        // Due only once the original is sent, so its reference is there.
        var original = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Key == item.UpdateOf && m.Status == OutboxStatus.Sent && m.Reference != null)
            .Select(m => m.Reference!)
            .SingleAsync(ct);
        if (await db.OutboxMessages.AnyAsync(m => m.UpdateOf == item.UpdateOf && m.Id > item.Id, ct))
        {
            log.LogInformation("Outbox {Key} not sent: a newer update of {Original} carries the latest content", item.Key, item.UpdateOf);
            return original;
        }
        await channel.UpdateAsync(original, message, ct);
        return original;
    }

    private IQueryable<OutboxMessage> Claimed(long id) => Claimed(db, id, signal.Owner);

    /// <summary>Still ours: a write after a lost lease must not overwrite the new owner's state.</summary>
    internal static IQueryable<OutboxMessage> Claimed(OpsDbContext db, long id, string owner) =>
        db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Sending && m.LeaseOwner == owner);
}
