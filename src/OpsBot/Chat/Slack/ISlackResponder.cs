using System.Text.Json.Nodes;

namespace OpsBot.Chat.Slack;

/// <summary>How answers reach Slack: inline as the HTTP answer to Slack's request, or later through the response_url.</summary>
public interface ISlackResponder
{
    /// <summary>
    /// The reply as the JSON body of the acknowledgement (<c>response_type</c>, <c>text</c>, <c>blocks</c>), or null
    /// when it carries images or files: those must be uploaded first, which only a later response can wait for.
    /// </summary>
    JsonObject? Inline(ChatReply reply);

    /// <summary>A command's reply through the response_url, with its images and files uploaded.</summary>
    Task DeliverAsync(SlackResponseTarget target, ChatReply reply, CancellationToken ct);

    /// <summary>A button's result through the response_url: the pressed message rewritten and/or a private reply.</summary>
    /// <param name="originalIsPublic">Whether the pressed message is seen by the whole channel (its rewrite's files are shared there).</param>
    Task ApplyAsync(SlackResponseTarget target, ActionResult result, bool originalIsPublic, CancellationToken ct);
}
