namespace OpsBot.Chat.Slack;

/// <summary>
/// Slack takes at most five posts to one response_url, within 30 minutes of the interaction (chat-protocols.md A2).
/// OpsBot counts its posts per URL and does not try beyond that: the caller logs what could not be sent.
/// </summary>
public sealed class SlackResponseUrls(TimeProvider clock)
{
    public const int MaxUses = 5;
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(30);

    private readonly Dictionary<Uri, (int Uses, DateTimeOffset Until)> urls = [];
    private readonly System.Threading.Lock gate = new();

    /// <returns>true when one more post to the target's response_url is allowed (and counts it), else false.</returns>
    public bool TryUse(SlackResponseTarget target)
    {
        if (target.ResponseUrl is not { } url) return false;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            // Expired URLs can never be used again, so their counts need not be kept.
            foreach (var expired in urls.Where(u => u.Value.Until <= now).Select(u => u.Key).ToList()) urls.Remove(expired);
            var until = target.ReceivedAt + ValidFor;
            var uses = urls.GetValueOrDefault(url).Uses;
            if (now >= until || uses >= MaxUses) return false;
            urls[url] = (uses + 1, until);
            return true;
        }
    }
}
