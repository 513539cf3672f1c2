using System.Text.Json.Nodes;
using OpsBot.Chat.Rendering;
using OpsBot.Formatting;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Sends OpsBot's answers to Slack: fitted to Block Kit's limits, rendered, and posted to the interaction's
/// response_url (within <see cref="SlackResponseUrls"/>' budget). Charts and files are uploaded first: shared in the
/// channel for a public answer, and in the asker's direct messages with OpsBot for a private one, because neither
/// a response_url nor an ephemeral message can carry files.
/// </summary>
public sealed class SlackDelivery(
    SlackApi api, SlackRenderer renderer, MessageFitter fitter, SlackResponseUrls urls, OpsText text, ILogger<SlackDelivery> log) : ISlackResponder
{
    private const int MaxUploadAltText = 1000;

    public JsonObject? Inline(ChatReply reply)
    {
        var fitted = fitter.Fit(reply.Message, MessageLimits.Slack);
        if (HasUploads(fitted)) return null;
        var payload = renderer.Render(fitted);
        var body = new JsonObject { ["response_type"] = reply.Public ? "in_channel" : "ephemeral", ["text"] = payload.Text };
        if (payload.Blocks is not null) body["blocks"] = payload.Blocks;
        return body;
    }

    public Task DeliverAsync(SlackResponseTarget target, ChatReply reply, CancellationToken ct) =>
        SendAsync(target, reply.Message, reply.Public, reply.Public ? SlackResponseMode.InChannel : SlackResponseMode.Ephemeral, ct);

    public async Task ApplyAsync(SlackResponseTarget target, ActionResult result, bool originalIsPublic, CancellationToken ct)
    {
        if (result.UpdateOriginal is { } update) await SendAsync(target, update, originalIsPublic, SlackResponseMode.ReplaceOriginal, ct);
        if (result.Reply is { } reply) await SendAsync(target, reply, isPublic: false, SlackResponseMode.Ephemeral, ct);
    }

    private async Task SendAsync(SlackResponseTarget target, ChatMessage message, bool isPublic, SlackResponseMode mode, CancellationToken ct)
    {
        // Counted before uploading, so an answer that cannot be sent leaves no files behind. The URL itself is a
        // credential and stays out of the log.
        if (target.ResponseUrl is not { } responseUrl || !urls.TryUse(target))
        {
            log.LogWarning("Answer for {User} in {Channel} not sent: no response_url left (Slack allows {Uses} posts within {Minutes} minutes)",
                target.UserId, target.ChannelId, SlackResponseUrls.MaxUses, SlackResponseUrls.ValidFor.TotalMinutes);
            return;
        }
        var fitted = fitter.Fit(message, MessageLimits.Slack);
        var imageIds = new Dictionary<string, string>();
        if (HasUploads(fitted))
        {
            if (!isPublic) fitted = fitter.Fit(WithNote(message, text.Of(SlackInboundText.Resources).Rich("FilesInDirectMessage")), MessageLimits.Slack);
            var shareIn = isPublic ? target.ChannelId : await api.OpenDirectMessageAsync(target.UserId, ct);
            foreach (var image in fitted.Blocks.OfType<ImageBlock>())
                if (await TryUploadAsync(new SlackUpload(image.FileName, image.Png, image.FileName, UploadAltText(image), shareIn, null), ct) is { } id)
                    imageIds[image.FileName] = id;
            foreach (var file in fitted.Files)
                await TryUploadAsync(new SlackUpload(file.Name, file.Content, file.Name, null, shareIn, null), ct);
        }
        await api.RespondAsync(responseUrl, renderer.Render(fitted, imageIds), mode, ct);
    }

    /// <summary>A failed upload costs the answer one chart or file, not the answer: the renderer shows a chart's alt text instead.</summary>
    private async Task<string?> TryUploadAsync(SlackUpload upload, CancellationToken ct)
    {
        try
        {
            return await api.UploadFileAsync(upload, ct);
        }
        catch (SlackApiException e)
        {
            log.LogWarning("Upload of {File} refused by Slack ({Error}); the answer goes without it", upload.FileName, e.Error);
            return null;
        }
    }

    /// <summary>An upload's alt text takes 1000 characters; the image block keeps the whole text (2000).</summary>
    internal static string UploadAltText(ImageBlock image) => image.AltText.Length <= MaxUploadAltText ? image.AltText : image.AltText[..(MaxUploadAltText - 1)] + "…";

    private static bool HasUploads(ChatMessage fitted) => fitted.Files.Count > 0 || fitted.Blocks.OfType<ImageBlock>().Any();

    /// <summary>The note goes last, but before a closing row of buttons, which the fitter keeps last.</summary>
    private static ChatMessage WithNote(ChatMessage message, RichText note)
    {
        var blocks = message.Blocks.ToList();
        blocks.Insert(blocks is [.., ButtonsBlock] ? blocks.Count - 1 : blocks.Count, new ContextBlock(note));
        return message with { Blocks = blocks };
    }
}
