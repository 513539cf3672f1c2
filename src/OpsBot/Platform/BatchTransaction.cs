using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpsBot.Platform;

/// <summary>
/// One feed batch's unit of work: its own transaction, or — when the caller already holds one (demo
/// seeding makes a whole history a single transaction, so an interrupted seed leaves nothing behind) —
/// a savepoint inside it. Disposed without commit, it undoes the batch either way.
/// </summary>
internal sealed class BatchTransaction : IAsyncDisposable
{
    private const string Savepoint = "feed_batch";
    private readonly IDbContextTransaction? own;
    private readonly IDbContextTransaction? outer;
    private bool done;

    private BatchTransaction(IDbContextTransaction? own, IDbContextTransaction? outer) => (this.own, this.outer) = (own, outer);

    public static async Task<BatchTransaction> BeginAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            await outer.CreateSavepointAsync(Savepoint, ct);
            return new BatchTransaction(null, outer);
        }
        return new BatchTransaction(await db.Database.BeginTransactionAsync(ct), null);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (own is not null) await own.CommitAsync(ct);
        else await outer!.ReleaseSavepointAsync(Savepoint, ct);
        done = true;
    }

    public async Task RollbackAsync(CancellationToken ct)
    {
        if (own is not null) await own.RollbackAsync(ct);
        else await outer!.RollbackToSavepointAsync(Savepoint, ct);
        done = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!done && outer is not null) await outer.RollbackToSavepointAsync(Savepoint);
        if (own is not null) await own.DisposeAsync();
    }
}
