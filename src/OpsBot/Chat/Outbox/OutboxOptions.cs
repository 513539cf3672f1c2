namespace OpsBot.Chat.Outbox;

/// <summary>How the outbox worker sends (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message is parked and an alert says it could not be delivered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the worker looks for due messages when nothing wakes it (an enqueue on this instance does).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim holds. Longer than one send takes (Slack waits out its own 429s within it), short enough
    /// that a message whose sender died is picked up again soon after.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failure; doubled after each further one, up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryAfter.Ticks, FirstRetryAfter.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}
