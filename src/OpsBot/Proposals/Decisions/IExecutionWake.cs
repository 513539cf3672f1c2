namespace OpsBot.Proposals.Decisions;

/// <summary>
/// Told right after an approval commits, so the execution worker need not wait for its next poll. Implemented by
/// the execution queue (register it as <c>IExecutionWake</c>); without one, the worker's poll picks the approval up.
/// </summary>
public interface IExecutionWake
{
    void Wake();
}
