namespace OpsBot.Proposals.Decisions;

/// <summary>
/// Told right after an approval commits, so the execution worker need not wait for its next poll. Implemented by
/// <see cref="Execution.ExecutionSignal"/>; approvals made on another instance are picked up by the worker's poll.
/// </summary>
public interface IExecutionWake
{
    void Wake();
}
