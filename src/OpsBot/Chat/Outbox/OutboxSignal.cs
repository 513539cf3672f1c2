namespace OpsBot.Chat.Outbox;

/// <summary>Wakes this instance's <see cref="OutboxWorker"/> after an enqueue, so a message does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Each instance's claims carry its own owner, so two hosts (or two in one process) never share a lease.</summary>
    public string Owner { get; } = NewOwner();

    public void Wake()
    {
        // One pending wake is enough: the worker sends everything due when it wakes.
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>
    /// Waits for a wake or the poll interval on the wall clock: due times are read from the injected
    /// TimeProvider, but a poll must happen even when that clock stands still (tests).
    /// </summary>
    private static string NewOwner()
    {
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return owner.Length <= Data.OutboxMessage.OwnerLength ? owner : owner[^Data.OutboxMessage.OwnerLength..];
    }

    internal Task WaitAsync(TimeSpan pollInterval, CancellationToken ct) => wake.WaitAsync(pollInterval, ct);
}
