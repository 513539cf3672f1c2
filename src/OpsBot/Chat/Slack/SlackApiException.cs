namespace OpsBot.Chat.Slack;

/// <summary>
/// Slack answered <c>ok: false</c>. <see cref="Error"/> is Slack's own code (<c>channel_not_found</c>,
/// <c>invalid_auth</c>, <c>ratelimited</c> …) so callers can decide on it; scope errors also say which
/// scope was <see cref="Needed"/> and which were <see cref="Provided"/>.
/// </summary>
public sealed class SlackApiException(string method, string error, string? needed = null, string? provided = null)
    : Exception(needed is null ? $"Slack {method} failed: {error}" : $"Slack {method} failed: {error} (needs scope {needed}; the token has {provided})")
{
    public string Method { get; } = method;
    public string Error { get; } = error;
    public string? Needed { get; } = needed;
    public string? Provided { get; } = provided;
}
