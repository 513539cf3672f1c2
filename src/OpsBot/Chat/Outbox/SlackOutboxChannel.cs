using OpsBot.Chat.Rendering;
using OpsBot.Chat.Slack;
using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// Delivers to Slack: the team's posts to the channels in <c>Slack:Channels</c>, creator messages to the creator's DM
/// with OpsBot. Charts are uploaded unshared first (repeating that shows nobody anything) and placed in the message;
/// files are shared after the message is posted, so a retried post never shares them twice.
/// </summary>
/// <remarks>
/// Slack has no idempotency key, so every post carries the outbox key as message metadata
/// (<see cref="SlackOutboxPosts"/>), and a retry first looks for it in the channel's history: a 5xx, a timeout or a
/// crash after Slack posted then finds the message instead of posting it again.
/// </remarks>
public sealed class SlackOutboxChannel(SlackApi api, SlackDirectory directory, SlackRenderer renderer, MessageFitter fitter,
    ILogger<SlackOutboxChannel> log) : IOutboxChannel
{
    public async Task<string> PostAsync(OutboxPost post, OutboxTarget target, ChatMessage message, CancellationToken ct)
    {
        try
        {
            var channel = await ChannelIdAsync(target, ct);
            if (post.MayAlreadyBeDelivered && await SlackOutboxPosts.FindAsync(api, channel, post, ct) is { } ts)
            {
                log.LogInformation("Outbox {Key} was already in {Channel} ({Ts}) from an earlier attempt; not posted again", post.Key, channel, ts);
                if (message.Files.Count > 0)
                    log.LogWarning("Outbox {Key}: its files are not shared again; the earlier attempt may have ended before sharing them", post.Key);
                return $"{channel}:{ts}";
            }
            return await PostNowAsync(channel, post, message, ct);
        }
        catch (Exception e) when (LongRateLimit(e) is { RetryAfter: { } wait } limited)
        {
            throw Deferred(limited, wait);
        }
    }

    /// <summary>Slack's long rate limit, also when it hit the creator's lookup (which wraps it in a <see cref="SlackLookupException"/>).</summary>
    private static SlackApiException? LongRateLimit(Exception e) =>
        (e as SlackApiException ?? (e as SlackLookupException)?.InnerException as SlackApiException) is { RetryAfter: not null } limited ? limited : null;

    /// <summary>Text and blocks only: files went out with the post.</summary>
    public async Task UpdateAsync(string reference, ChatMessage message, CancellationToken ct)
    {
        var (channel, ts) = reference.Split(':', 2) is [var c, var t] ? (c, t) : throw new FormatException($"'{reference}' is not a Slack channel:ts.");
        var fitted = fitter.Fit(message with { Files = [] }, MessageLimits.Slack);
        try
        {
            await api.UpdateMessageAsync(channel, ts, renderer.Render(fitted), ct);
        }
        catch (SlackApiException e) when (e.RetryAfter is { } wait)
        {
            throw Deferred(e, wait);
        }
    }

    /// <summary>
    /// Slack's long rate limits (SlackApi waits out only short ones) are the outbox's to wait: the request was refused,
    /// so nothing went out, and the message comes back after Retry-After without losing an attempt.
    /// </summary>
    private static DeliveryDeferredException Deferred(SlackApiException e, TimeSpan wait) => new(e.Message, wait, e);

    private async Task<string> PostNowAsync(string channel, OutboxPost post, ChatMessage message, CancellationToken ct)
    {
        var fitted = fitter.Fit(message, MessageLimits.Slack);
        var imageIds = new Dictionary<string, string>();
        foreach (var image in fitted.Blocks.OfType<ImageBlock>())
            imageIds[image.FileName] = await api.UploadFileAsync(new SlackUpload(image.FileName, image.Png, image.FileName, SlackDelivery.UploadAltText(image), null, null), ct);
        var posted = await api.PostMessageAsync(channel, renderer.Render(fitted, imageIds), SlackOutboxPosts.Metadata(post), ct);
        foreach (var file in fitted.Files)
            await ShareAfterPostAsync(new SlackUpload(file.Name, file.Content, file.Name, null, posted.Channel, null), ct);
        return $"{posted.Channel}:{posted.Ts}";
    }

    private async Task<string> ChannelIdAsync(OutboxTarget target, CancellationToken ct)
    {
        if (target.Kind == OutboxTargetKind.Channel)
            return directory.ChannelFor(target.OpsChannel) ?? throw new InvalidOperationException($"Slack:Channels:{target.Id} is not set.");
        var user = await directory.CreatorUserIdAsync(target.Id, ct)
            ?? throw new InvalidOperationException($"Creator {target.Id} has no Slack user (no slackUserId, or their email is not in the workspace).");
        return await api.OpenDirectMessageAsync(user, ct);
    }

    /// <summary>The message is out; a file Slack refuses is logged, not retried (a retry would post the message again).</summary>
    private async Task ShareAfterPostAsync(SlackUpload upload, CancellationToken ct)
    {
        try
        {
            await api.UploadFileAsync(upload, ct);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            log.LogWarning(e, "File {File} not shared in {Channel}; the message went without it", upload.FileName, upload.ChannelId);
        }
    }
}
