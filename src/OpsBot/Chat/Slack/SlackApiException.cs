namespace OpsBot.Chat.Slack;

/// <summary>
/// Slack answered <c>ok: false</c>. <see cref="Error"/> is Slack's own code (<c>channel_not_found</c>,
/// <c>invalid_auth</c>, <c>ratelimited</c> …) so callers can decide on it; scope errors also say which
/// scope was <see cref="Needed"/> and which were <see cref="Provided"/>; a <c>ratelimited</c> one says how long Slack
/// asked to wait (<see cref="RetryAfter"/>).
/// </summary>
public sealed class SlackApiException(string method, string error, string? needed = null, string? provided = null, TimeSpan? retryAfter = null)
    : Exception(needed is not null ? $"Slack {method} failed: {error} (needs scope {needed}; the token has {provided})"
        : retryAfter is { } wait ? $"Slack {method} failed: {error} (retry after {wait.TotalSeconds:0} s)"
        : $"Slack {method} failed: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;
    public string? Needed { get; } = needed;
    public string? Provided { get; } = provided;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
