using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// The execution queue on the proposal rows. Claims what is due (<see cref="ExecutionStatus.Pending"/> and due, or
/// <see cref="ExecutionStatus.Running"/> with a lease that ran out because its instance died) with one conditional
/// UPDATE, so of two instances exactly one runs a proposal at a time; then runs it through <see cref="IPlatformActions"/>
/// and records the outcome with <see cref="ExecutionRecord"/>.
/// </summary>
public sealed class ExecutionRunner(OpsDbContext db, IPlatformActions platform, ExecutionRecord record, ExecutionSignal signal, OutboxSignal outboxSignal,
    TimeProvider clock, IOptions<ExecutionOptions> options, ILogger<ExecutionRunner> log)
{
    public const int Batch = 10;

    /// <returns>How many executions this instance claimed.</returns>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var due = await Due(clock.GetUtcNow()).OrderBy(p => p.Id).Select(p => p.Id).Take(Batch).ToListAsync(ct);
        var claimed = 0;
        foreach (var id in due)
        {
            if (!await TryClaimAsync(id, ct)) continue;
            claimed++;
            await RunAsync(id, ct);
        }
        return claimed;
    }

    private IQueryable<Proposal> Due(DateTimeOffset now) => db.Proposals.Where(p =>
        (p.Execution == ExecutionStatus.Pending && p.NextExecutionAt <= now)
        || (p.Execution == ExecutionStatus.Running && p.ExecutionLeaseUntil <= now));

    private async Task<bool> TryClaimAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Lease;
        return await Due(now).Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Execution, ExecutionStatus.Running)
            .SetProperty(p => p.ExecutionOwner, signal.Owner)
            .SetProperty(p => p.ExecutionLeaseUntil, leaseUntil)
            .SetProperty(p => p.ExecutionAttempts, p => p.ExecutionAttempts + 1), ct) == 1;
    }

    private async Task RunAsync(long id, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        // In the store the action joins the transaction that marks it executed. Serializable, so that on SQL Server two
        // executions touching one thread or creator see each other (SQLite's write transactions are serial anyway).
        await using var transaction = platform.InStore ? await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct) : null;
        var result = await ExecuteAsync(proposal, ct);
        if (result.Executed)
        {
            // Not cancellable from here: once the platform has done it, only this record keeps it from running again.
            await using var own = transaction is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
            try
            {
                await RecordSucceededAsync(proposal, result, transaction ?? own!);
                return;
            }
            catch (Exception e)
            {
                // Not recorded, so not done as far as the queue knows: in the store the change is undone with it; on
                // Http the next attempt's Idempotency-Key gets the platform's first answer again.
                log.LogError(e, "Execution of {Proposal} could not be recorded", proposal.Number);
                result = PlatformActionResult.Retry($"the outcome could not be recorded: {e.Message}");
            }
        }
        if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
        // A change the action tracked but could not save must not ride along with the failure's save.
        db.ChangeTracker.Clear();
        await record.FailedAsync(proposal, result, ct);
        outboxSignal.Wake();
    }

    private async Task RecordSucceededAsync(Proposal proposal, PlatformActionResult result, IDbContextTransaction transaction)
    {
        if (await record.SucceededAsync(proposal, result, CancellationToken.None))
        {
            await transaction.CommitAsync(CancellationToken.None);
            outboxSignal.Wake();
            return;
        }
        // Our lease ran out and another instance holds it now: in the store, undoing the change leaves the action to
        // the new owner (once); on Http the new owner's call carries the same Idempotency-Key.
        await transaction.RollbackAsync(CancellationToken.None);
        log.LogWarning("Execution of {Proposal} finished after its lease ran out; the instance holding it now records it", proposal.Number);
    }

    private async Task<PlatformActionResult> ExecuteAsync(Proposal proposal, CancellationToken ct)
    {
        try
        {
            return await platform.ExecuteAsync(proposal, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The store was busy, a deadlock victim, a bug: nothing was done, so it is tried again.
            log.LogError(e, "Execution of {Proposal} failed", proposal.Number);
            return PlatformActionResult.Retry(e.Message);
        }
    }
}
