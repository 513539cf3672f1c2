namespace OpsBot.Chat.Slack;

/// <summary>Where an answer to one Slack interaction goes: its response_url, the channel it came from, and who asked.</summary>
/// <param name="ResponseUrl">Null when Slack sent none: then only the HTTP answer itself can reply.</param>
/// <param name="ReceivedAt">When OpsBot received the interaction; the response_url is good for 30 minutes from then.</param>
public sealed record SlackResponseTarget(Uri? ResponseUrl, string ChannelId, string UserId, DateTimeOffset ReceivedAt)
{
    /// <summary>An absolute http(s) URL, or null: anything else Slack could not have meant as a response_url.</summary>
    public static Uri? ParseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;
}
