using System.Text.Json.Nodes;

namespace OpsBot.Chat.Slack;

/// <summary>The JSON a response_url takes for each <see cref="SlackResponseMode"/>.</summary>
internal static class SlackApiResponseUrl
{
    /// <remarks>
    /// <c>replace_original</c> is always sent: left out, Slack may rewrite the clicked message when a new one
    /// was meant. Blocks are copied because a JSON node belongs to one parent and the payload may be reused.
    /// </remarks>
    public static JsonObject Body(SlackPayload p, SlackResponseMode mode)
    {
        if (mode == SlackResponseMode.DeleteOriginal) return new JsonObject { ["delete_original"] = true };
        var body = new JsonObject { ["text"] = p.Text };
        if (p.Blocks is not null) body["blocks"] = p.Blocks.DeepClone();
        if (p.ThreadTs is not null) body["thread_ts"] = p.ThreadTs;
        switch (mode)
        {
            case SlackResponseMode.Ephemeral: body["response_type"] = "ephemeral"; break;
            case SlackResponseMode.InChannel: body["response_type"] = "in_channel"; break;
        }
        body["replace_original"] = mode == SlackResponseMode.ReplaceOriginal;
        return body;
    }
}
