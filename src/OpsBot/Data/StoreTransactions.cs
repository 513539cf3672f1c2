using System.Data;
using Microsoft.EntityFrameworkCore;

namespace OpsBot.Data;

/// <summary>
/// The one way to write several things atomically. On SQL Server the store retries transient failures
/// (<c>EnableRetryOnFailure</c>), and EF Core then refuses any transaction begun outside its execution strategy; this
/// runs the transaction inside it, on every provider, so SQLite and SQL Server take the same path.
/// </summary>
/// <remarks>
/// <para>
/// The rule for <c>work</c>: the strategy may run it again from the start after a transient failure, so it must be
/// re-runnable. It re-reads whatever it decides on inside itself and adds fresh entities each time; it never relies on
/// entities tracked before (the change tracker is cleared before every attempt and after the last) nor on effects
/// outside the store that a second run would repeat.
/// </para>
/// <para>
/// The transaction commits when <c>work</c> returns. To keep nothing, <c>work</c> rolls back itself
/// (<c>db.Database.RollbackTransactionAsync</c>) and returns; what it reads after that is outside the transaction.
/// An exception rolls everything back and propagates.
/// </para>
/// </remarks>
public static class StoreTransactions
{
    /// <param name="isolation">The default of the provider when null (read committed on SQL Server).</param>
    public static async Task<T> InTransactionAsync<T>(this OpsDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct,
        IsolationLevel? isolation = null)
    {
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = isolation is { } level
                    ? await db.Database.BeginTransactionAsync(level, ct)
                    : await db.Database.BeginTransactionAsync(ct);
                var result = await work(ct);
                // Still open unless the work rolled it back to keep nothing.
                // Not cancellable: the work is done, and what it did outside (a platform call) only counts once recorded.
                if (db.Database.CurrentTransaction == transaction) await transaction.CommitAsync(CancellationToken.None);
                return result;
            }, ct);
        }
        finally
        {
            // What the work tracked may be from an attempt that was undone.
            db.ChangeTracker.Clear();
        }
    }

    /// <inheritdoc cref="InTransactionAsync{T}"/>
    public static Task InTransactionAsync(this OpsDbContext db, Func<CancellationToken, Task> work, CancellationToken ct,
        IsolationLevel? isolation = null) =>
        db.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, ct, isolation);
}
