namespace OpsBot.Chat.Outbox;

/// <summary>
/// The platform asked to be called again later (a rate limit with its Retry-After), and nothing was delivered. Not a
/// failure: the outbox tries again after <see cref="RetryAfter"/> without counting the attempt against
/// <see cref="OutboxOptions.MaxAttempts"/>, so a busy Slack or Resend never parks a message.
/// </summary>
public sealed class DeliveryDeferredException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
