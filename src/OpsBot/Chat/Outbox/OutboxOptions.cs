namespace OpsBot.Chat.Outbox;

/// <summary>How the outbox worker sends (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// Attempts before a message is parked and an alert says it could not be delivered. Ten span about three hours with
    /// the default backoff (30 s doubling, capped at an hour), so an outage of the chat platform for part of a morning
    /// delays the radar instead of losing it. Rate limits do not count (<see cref="DeliveryDeferredException"/>).
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often the worker looks for due messages when nothing wakes it (an enqueue on this instance does).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim holds unless renewed: the sending instance renews it every third of this while the send runs
    /// (<see cref="OutboxHeartbeat"/>), so a slow send keeps it, and a message whose sender died is picked up again
    /// at most this long after.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failure; doubled after each further one, up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryAfter.Ticks, FirstRetryAfter.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}
