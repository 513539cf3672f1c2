using OpsBot.Proposals.Decisions;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// Wakes this instance's <see cref="ExecutionWorker"/> right after an approval, so the execution does not wait for the
/// next poll (approvals on other instances are seen at the poll). Also names this instance in its claims.
/// </summary>
public sealed class ExecutionSignal : IExecutionWake
{
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Each instance claims under its own name, so two hosts (or two in one test process) never share a lease.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public void Wake()
    {
        // One pending wake is enough: the worker runs everything due when it wakes.
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>A wake or the poll interval on the wall clock: due times come from the TimeProvider, which tests stand still.</summary>
    internal Task WaitAsync(TimeSpan pollInterval, CancellationToken ct) => wake.WaitAsync(pollInterval, ct);
}
