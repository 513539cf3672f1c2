using OpsBot.Data;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// Carries out an approved proposal on the platform. <c>Platform:Mode</c> picks the implementation:
/// <see cref="EmbeddedPlatformActions"/> (the ops store is the platform: demo and tests) or <see cref="HttpPlatformActions"/>.
/// </summary>
public interface IPlatformActions
{
    /// <summary>
    /// True when the action is a change to the ops store: the <see cref="ExecutionRunner"/> then runs it inside the
    /// transaction that marks the proposal executed, so the change and the mark commit together or not at all.
    /// </summary>
    bool InStore { get; }

    /// <summary>Runs the action once. Expected failures come back as a result; an exception counts as a retryable failure.</summary>
    Task<PlatformActionResult> ExecuteAsync(Proposal proposal, CancellationToken ct);
}

/// <summary>What the platform made of an action.</summary>
public enum PlatformOutcome
{
    /// <summary>Done now.</summary>
    Done,

    /// <summary>The live state already was what the action would make it (refunded meanwhile, already banned): nothing changed.</summary>
    NothingToDo,

    /// <summary>Not done; trying again later may work (platform down, 5xx, 429, timeout).</summary>
    Retry,

    /// <summary>Not done, and trying again will not help (the platform refused the request, the creator is unknown).</summary>
    Refused,
}

/// <param name="Detail">For the card: what was done (the platform's id) or why not.</param>
/// <param name="Before">For the audit line: the state before, e.g. <c>checkout Active</c>, when known.</param>
/// <param name="After">For the audit line: the state after.</param>
/// <param name="RetryAfter">For <see cref="PlatformOutcome.Retry"/>: how long the platform asked us to wait (Retry-After).</param>
/// <param name="RefundReason">For a refund: the reason it was asked for with (<see cref="RefundReasons.For"/>), which decides the creator's note.</param>
public sealed record PlatformActionResult(PlatformOutcome Outcome, string Detail, string? Before = null, string? After = null, TimeSpan? RetryAfter = null,
    RefundReason? RefundReason = null)
{
    /// <summary>Done or nothing to do: either way the proposal is executed and must never run again.</summary>
    public bool Executed => Outcome is PlatformOutcome.Done or PlatformOutcome.NothingToDo;

    public static PlatformActionResult Retry(string why, TimeSpan? retryAfter = null) => new(PlatformOutcome.Retry, why, RetryAfter: retryAfter);

    public static PlatformActionResult Refused(string why) => new(PlatformOutcome.Refused, why);
}
