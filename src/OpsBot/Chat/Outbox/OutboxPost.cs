namespace OpsBot.Chat.Outbox;

/// <summary>Which outbox item a channel is posting, as far as a platform needs to know to post it once.</summary>
/// <param name="Key">The outbox key, the same on every retry: for platforms that deduplicate by it (email) or find it again (Slack).</param>
/// <param name="CreatedAt">When it was enqueued: nothing of it can have been posted before.</param>
/// <param name="Attempt">This attempt, counted from 1; rate limits are not counted, so they never make a post look retried.</param>
public sealed record OutboxPost(string Key, DateTimeOffset CreatedAt, int Attempt)
{
    /// <summary>
    /// An earlier attempt may have reached the platform: it failed after sending (a 5xx, a timeout, a lost connection),
    /// or its instance died or lost its lease mid-send. Every retry counts as such; a rate-limited attempt is given back
    /// (<see cref="OutboxParking.DeferredAsync"/>) and a lease taken over counted an attempt of its own, so
    /// <see cref="Attempt"/> above 1 is exactly "a send was started before".
    /// </summary>
    public bool MayAlreadyBeDelivered => Attempt > 1;
}
