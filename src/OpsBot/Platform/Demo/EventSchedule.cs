namespace OpsBot.Platform.Demo;

/// <summary>
/// Events planned but not yet written, in time order. A thread's reply or refund is planned when the
/// thread is created, days before it is due; the schedule holds it until everything earlier is out.
/// Ties keep planning order, so a cause is never written after its effect.
/// </summary>
internal sealed class EventSchedule(DateTimeOffset asOf)
{
    private readonly PriorityQueue<IPlatformEvent, (DateTimeOffset At, long Order)> pending = new();
    private long planned;

    /// <summary>Plans an event; one after as-of has not happened yet, so it is dropped and false returned.</summary>
    public bool Add(IPlatformEvent e)
    {
        if (e.OccurredAt > asOf) return false;
        pending.Enqueue(e, (e.OccurredAt, planned++));
        return true;
    }

    /// <summary>Removes and yields, in order, every planned event before <paramref name="until"/>.</summary>
    public IEnumerable<IPlatformEvent> TakeBefore(DateTimeOffset until)
    {
        while (pending.TryPeek(out var e, out var key) && key.At < until)
        {
            pending.Dequeue();
            yield return e;
        }
    }
}
