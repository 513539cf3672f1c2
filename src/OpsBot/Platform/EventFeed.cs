using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Platform;

/// <summary>
/// Applies a batch of validated events to the ops store: all or nothing, in one transaction, and
/// idempotent (an id already processed, or repeated in the batch, is a duplicate: acknowledged, no change).
/// </summary>
public sealed class EventFeed(OpsDbContext db, TimeProvider time, ILogger<EventFeed> log)
{
    public async Task<FeedResult> ApplyAsync(IReadOnlyList<PlatformEvent> events, CancellationToken ct)
    {
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Thousands of entities per batch: scanning them all on every Add would dominate an import.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await ApplyInTransactionAsync(events, ct);
        }
        catch (DbUpdateException e)
        {
            // Another instance received the same batch and committed first (the ProcessedEvents key
            // refused our ids). Once more from the top: its ids now read as duplicates.
            log.LogInformation(e, "Batch of {Count} events lost a race with another instance; retrying once", events.Count);
            return await ApplyInTransactionAsync(events, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    // The execution strategy re-runs the whole transaction on a transient SQL Server failure.
    private Task<FeedResult> ApplyInTransactionAsync(IReadOnlyList<PlatformEvent> events, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // On SQLite this takes the write lock at once (BEGIN IMMEDIATE), so a concurrent writer
            // waits and then reads our ids; on SQL Server the primary key decides the race.
            await using var transaction = await BatchTransaction.BeginAsync(db, ct);
            var state = await FeedState.LoadAsync(db, events, ct);
            var writer = new BatchWriter(db, state);
            var receivedAt = time.GetUtcNow();
            var (applied, duplicates, errors) = (0, 0, new List<EventError>());
            for (var index = 0; index < events.Count; index++)
            {
                var e = events[index];
                if (!state.SeenEventIds.Add(e.Id))
                {
                    duplicates++;
                    continue;
                }
                if (writer.Apply(e, index) is { } error)
                {
                    errors.Add(error);
                    continue;
                }
                db.ProcessedEvents.Add(new ProcessedEvent { Id = e.Id, Type = e.Type, OccurredAt = e.OccurredAt, ReceivedAt = receivedAt });
                applied++;
            }
            if (errors.Count > 0)
            {
                await transaction.RollbackAsync(ct);
                return new FeedResult(0, 0, errors);
            }
            db.ChangeTracker.DetectChanges();
            if (db.Database.IsSqlite()) await SqliteInserts.InsertAddedAsync(db, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new FeedResult(applied, duplicates, []);
        }, ct);
}

/// <summary>How a batch went: counts when applied, or one error per refused event (then nothing was stored).</summary>
public sealed record FeedResult(int Applied, int Duplicates, IReadOnlyList<EventError> Errors)
{
    public bool Ok => Errors.Count == 0;
}
