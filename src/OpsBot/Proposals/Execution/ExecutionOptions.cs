namespace OpsBot.Proposals.Execution;

/// <summary>How approved proposals are executed (section <c>Proposals:Execution</c>).</summary>
public sealed class ExecutionOptions
{
    public const string Section = "Proposals:Execution";

    /// <summary>Attempts before the execution is marked failed and escalated to the alerts channel.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the worker looks for due executions when nothing wakes it (an approval on this instance does).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim holds: longer than one attempt can take (<see cref="HttpTimeout"/>), so a slow call is never
    /// run by a second instance at the same time; after it, an execution whose instance died is picked up again.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one call to the platform's API may take before it counts as failed (and is retried).</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first failure; doubled after each further one, up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait after <paramref name="attempts"/> failed attempts; the platform's Retry-After wins when longer.</summary>
    public TimeSpan RetryAfter(int attempts, TimeSpan? platformAsked)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(MaxRetryAfter.Ticks, FirstRetryAfter.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
        return platformAsked is { } asked && asked > backoff ? asked : backoff;
    }
}
