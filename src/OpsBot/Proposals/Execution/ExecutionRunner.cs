using System.Data;
using Microsoft.EntityFrameworkCore;
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
        if (proposal.ExecutionAttempts > options.Value.MaxAttempts)
        {
            // Claimed again only because the last attempt's lease ran out: it ended without an outcome (its instance
            // stopped), which the give-up rule never sees. Bounded here, or a crashing execution would run forever.
            await record.FailedAsync(proposal, PlatformActionResult.Retry(
                $"all {options.Value.MaxAttempts} attempts are used and the last ended without an outcome (its instance stopped); check the platform"), ct);
            outboxSignal.Wake();
            return;
        }
        var failure = platform.InStore
            // In the store the action joins the transaction that marks it executed. Serializable, so that on SQL Server two
            // executions touching one thread or creator see each other (SQLite's write transactions are serial anyway).
            ? await db.InTransactionAsync(ct => ExecuteAndRecordAsync(proposal, ct), ct, IsolationLevel.Serializable)
            : await ExecuteThenRecordAsync(proposal, ct);
        if (failure is not null) await record.FailedAsync(proposal, failure, ct);
        outboxSignal.Wake();
    }

    /// <summary>On Http the platform's call is outside the store; only its record is a transaction.</summary>
    private async Task<PlatformActionResult?> ExecuteThenRecordAsync(Proposal proposal, CancellationToken ct)
    {
        var result = await ExecuteAsync(proposal, ct);
        // Not cancellable from here: once the platform has done it, only this record keeps it from running again.
        return result.Executed ? await db.InTransactionAsync(_ => RecordAsync(proposal, result), CancellationToken.None) : result;
    }

    private async Task<PlatformActionResult?> ExecuteAndRecordAsync(Proposal proposal, CancellationToken ct)
    {
        var result = await ExecuteAsync(proposal, ct);
        if (result.Executed) return await RecordAsync(proposal, result);
        // A change the action tracked or made but could not finish is undone with the transaction.
        await db.Database.RollbackTransactionAsync(CancellationToken.None);
        return result;
    }

    /// <summary>Inside the transaction that holds the action when it changed the store.</summary>
    /// <returns>What goes back to the queue, or null when it is recorded (by this instance or the one holding the claim now).</returns>
    private async Task<PlatformActionResult?> RecordAsync(Proposal proposal, PlatformActionResult result)
    {
        try
        {
            if (await record.SucceededAsync(proposal, result, CancellationToken.None)) return null;
            // Our lease ran out and another instance holds it now: in the store, undoing the change leaves the action to
            // the new owner (once); on Http the new owner's call carries the same Idempotency-Key.
            await db.Database.RollbackTransactionAsync(CancellationToken.None);
            log.LogWarning("Execution of {Proposal} finished after its lease ran out; the instance holding it now records it", proposal.Number);
            return null;
        }
        catch (Exception e)
        {
            // Not recorded, so not done as far as the queue knows: in the store the change is undone with it; on
            // Http the next attempt's Idempotency-Key gets the platform's first answer again.
            log.LogError(e, "Execution of {Proposal} could not be recorded", proposal.Number);
            await db.Database.RollbackTransactionAsync(CancellationToken.None);
            return PlatformActionResult.Retry($"the outcome could not be recorded: {e.Message}");
        }
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
