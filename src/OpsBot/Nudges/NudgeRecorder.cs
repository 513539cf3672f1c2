using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Nudges;

/// <summary>What a batch puts in the outbox along with its records.</summary>
public sealed record NudgeDelivery(string Key, OutboxTarget Target, ChatMessage Message);

/// <summary>
/// Records nudges and enqueues what they send in one transaction: either both are stored or neither. When another
/// sweep recorded one of the same (thread, offset) pairs first, the unique key refuses the insert, nothing of this
/// batch is kept and nothing is sent; that sweep's nudge stands.
/// </summary>
public sealed class NudgeRecorder(OpsDbContext db, Outbox outbox, AuditLog audit, ILogger<NudgeRecorder> log)
{
    /// <returns>false when the batch was recorded by someone else already.</returns>
    public async Task<bool> TryRecordAsync(IReadOnlyList<Nudge> nudges, NudgeDelivery? delivery, CancellationToken ct)
    {
        if (nudges.Count == 0) return true;
        // One transaction through the store's execution strategy (StoreTransactions): it may run again after a transient failure.
        return await db.InTransactionAsync(async token =>
        {
            try
            {
                db.Nudges.AddRange(nudges.Select(Copy));
                foreach (var nudge in nudges) audit.Add(AuditOf(nudge));
                await db.SaveChangesAsync(token);
                if (delivery is not null) await outbox.EnqueueAsync(delivery.Key, delivery.Target, delivery.Message, token);
                return true;
            }
            catch (DbUpdateException)
            {
                if (!await RecordedElsewhereAsync(nudges, token)) throw;
                log.LogInformation("Nudges for {Threads} were recorded by another sweep; this one sends nothing for them",
                    string.Join(", ", nudges.Select(n => n.ThreadId).Distinct()));
                return false;
            }
        }, ct);
    }

    /// <summary>Only a lost race is an answer; any other failure (store down, timeout) is the sweep's to report.</summary>
    private async Task<bool> RecordedElsewhereAsync(IReadOnlyList<Nudge> nudges, CancellationToken ct)
    {
        await db.Database.RollbackTransactionAsync(ct);
        db.ChangeTracker.Clear();
        var threads = nudges.Select(n => n.ThreadId).Distinct().ToList();
        var taken = await db.Nudges.AsNoTracking().Where(n => threads.Contains(n.ThreadId))
            .Select(n => new { n.ThreadId, n.OffsetMinutes }).ToListAsync(ct);
        return nudges.Any(n => taken.Any(t => t.ThreadId == n.ThreadId && t.OffsetMinutes == n.OffsetMinutes));
    }

    /// <summary>Every nudge is in the audit log too, sent or not, with the same fate as its record.</summary>
    private static AuditRecord AuditOf(Nudge n) => new(
        AuditActor.OpsBot, n.Status == NudgeStatus.Sent ? AuditActions.NudgeSent : AuditActions.NudgeNotSent, $"thread {n.ThreadId}",
        CreatorId: n.CreatorId, ThreadId: n.ThreadId, After: $"{n.Status} via {n.Via}",
        Why: $"deadline within {n.OffsetMinutes} minutes" + (n.OutboxKey is null ? "" : $" ({n.OutboxKey})"));

    /// <summary>A fresh entity each attempt: a retried strategy must not re-add rows the failed attempt tracked.</summary>
    private static Nudge Copy(Nudge n) => new()
    {
        ThreadId = n.ThreadId, CreatorId = n.CreatorId, OffsetMinutes = n.OffsetMinutes,
        Via = n.Via, Status = n.Status, OutboxKey = n.OutboxKey, At = n.At,
    };
}
