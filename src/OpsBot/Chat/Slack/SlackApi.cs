using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Slack's Web API, spoken directly (no Slack library restores here). Every method is called as a
/// form-urlencoded POST: Slack accepts that for every method (JSON only for some), nested arguments such as
/// <c>blocks</c> and <c>files</c> travel as JSON strings inside it, and it has none of JSON's charset traps
/// (<c>missing_charset</c>, <c>superfluous_charset</c>); Slack's own Node SDK does the same. Only the
/// response_url takes JSON. The bot token goes on Web API calls only, never to a response_url or an upload
/// URL (those URLs are their own permission), and never into a log or an error.
/// </summary>
public sealed class SlackApi(HttpClient http, SlackApiRetry retry, SlackPacer pacer, IOptions<SlackOptions> options)
{
    /// <summary>Who the token belongs to; also proves the token works.</summary>
    public Task<SlackIdentity> AuthTestAsync(CancellationToken ct) => AuthTestAsync(SlackRepeat.WhenFailed, ct);

    internal async Task<SlackIdentity> AuthTestAsync(SlackRepeat repeat, CancellationToken ct)
    {
        var answer = await CallAsync("auth.test", [], repeat, ct);
        return new SlackIdentity(Field("auth.test", answer["user_id"], "user_id"), (string?)answer["bot_id"],
            Field("auth.test", answer["team_id"], "team_id"), (string?)answer["team"]);
    }

    /// <param name="metadata">Kept with the message, invisible to people, and read back by <see cref="HistoryAsync"/>.</param>
    /// <remarks>
    /// Waits for the channel's turn (about one post per second). Repeated after a 429 or a refused connection
    /// only: a 500 or a timeout can come after Slack posted, and a message posted twice to the team is worse
    /// than a failure the caller sees and can report. (Idempotent delivery belongs to the outbox, which finds an
    /// earlier attempt's message by its metadata.)
    /// </remarks>
    public async Task<SlackMessageRef> PostMessageAsync(string channel, SlackPayload p, SlackMetadata? metadata, CancellationToken ct)
    {
        await pacer.WaitTurnAsync(channel, ct);
        var answer = await CallAsync("chat.postMessage", [("channel", channel), .. Message(p), ("metadata", metadata?.ToJson().ToJsonString())],
            SlackRepeat.WhenNotReceived, ct);
        return new SlackMessageRef(Field("chat.postMessage", answer["channel"], "channel"), Field("chat.postMessage", answer["ts"], "ts"));
    }

    /// <summary>
    /// The channel's messages posted after <paramref name="oldest"/>, newest first, each with its metadata
    /// (<c>include_all_metadata</c>), read page by page (<c>cursor</c>) as far as the caller reads. Needs the
    /// channel's history scope: <c>channels:history</c>, <c>groups:history</c> or <c>im:history</c>. Thread replies
    /// are not among them. A read, so repeated after a 5xx or a timeout.
    /// </summary>
    public async IAsyncEnumerable<SlackPostedMessage> HistoryAsync(string channel, DateTimeOffset oldest, [EnumeratorCancellation] CancellationToken ct)
    {
        var since = Math.Max(0, oldest.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        string? cursor = null;
        do
        {
            var answer = await CallAsync("conversations.history",
                [("channel", channel), ("oldest", since), ("include_all_metadata", "true"), ("limit", HistoryPageSize), ("cursor", cursor)], SlackRepeat.WhenFailed, ct);
            if (answer["messages"] is not JsonArray messages) throw Missing("conversations.history", "messages");
            foreach (var message in messages.OfType<JsonObject>())
                yield return new SlackPostedMessage(Field("conversations.history", message["ts"], "messages[].ts"), SlackMetadata.From(message["metadata"]));
            cursor = answer["has_more"]?.GetValue<bool>() == true ? (string?)answer["response_metadata"]?["next_cursor"] : null;
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    /// <remarks>
    /// Without blocks, sends an empty list: Slack keeps the old blocks when <c>blocks</c> is left out, and the
    /// new text would hide behind them. Safe to repeat: the same edit twice leaves the same message.
    /// </remarks>
    public async Task UpdateMessageAsync(string channel, string ts, SlackPayload p, CancellationToken ct) =>
        await CallAsync("chat.update", [("channel", channel), ("ts", ts), ("text", p.Text), ("blocks", p.Blocks?.ToJsonString() ?? "[]")], SlackRepeat.WhenFailed, ct);

    /// <summary>A message only <paramref name="user"/> sees (best effort: they must be in the channel and online).</summary>
    /// <returns>The ephemeral message's ts.</returns>
    public async Task<string> PostEphemeralAsync(string channel, string user, SlackPayload p, CancellationToken ct)
    {
        var answer = await CallAsync("chat.postEphemeral", [("channel", channel), ("user", user), .. Message(p)], SlackRepeat.WhenNotReceived, ct);
        return Field("chat.postEphemeral", answer["message_ts"], "message_ts");
    }

    /// <summary>Opens a modal for whoever's interaction gave <paramref name="triggerId"/> (usable once, within about 3 seconds).</summary>
    /// <remarks>Not repeated after a 500: the trigger may be spent, and a second modal would be worse than a "press again".</remarks>
    public async Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct) =>
        await CallAsync("views.open", [("trigger_id", triggerId), ("view", view.ToJsonString())], SlackRepeat.WhenNotReceived, ct);

    /// <summary>The bot's direct-message channel (D…) with a user; Slack returns the existing one, so it is safe to repeat.</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken ct)
    {
        var answer = await CallAsync("conversations.open", [("users", userId)], SlackRepeat.WhenFailed, ct);
        return Field("conversations.open", answer["channel"]?["id"], "channel.id");
    }

    /// <returns>The user id, or <c>null</c> when nobody in the workspace has that email.</returns>
    public async Task<string?> LookupUserIdByEmailAsync(string email, CancellationToken ct)
    {
        try
        {
            var answer = await CallAsync("users.lookupByEmail", [("email", email)], SlackRepeat.WhenFailed, ct);
            return Field("users.lookupByEmail", answer["user"]?["id"], "user.id");
        }
        catch (SlackApiException e) when (e.Error == "users_not_found")
        {
            return null;
        }
    }

    /// <summary>The user ids in a user group (S…); user groups need a paid Slack plan.</summary>
    public async Task<IReadOnlyList<string>> UserGroupMembersAsync(string groupId, CancellationToken ct)
    {
        var answer = await CallAsync("usergroups.users.list", [("usergroup", groupId)], SlackRepeat.WhenFailed, ct);
        return answer["users"] is JsonArray users ? [.. users.Select(u => (string)u!)] : throw Missing("usergroups.users.list", "users");
    }

    /// <summary>
    /// Uploads a file in Slack's three steps: ask for an upload URL, send the bytes there, then complete the
    /// upload (sharing it to <see cref="SlackUpload.ChannelId"/> if given).
    /// </summary>
    /// <returns>The file id (F…), usable in image blocks.</returns>
    public async Task<string> UploadFileAsync(SlackUpload u, CancellationToken ct)
    {
        if (u.Content.Length == 0) throw new ArgumentException($"Slack refuses empty files ({u.FileName}).", nameof(u));
        var slot = await CallAsync("files.getUploadURLExternal",
            [("filename", u.FileName), ("length", u.Content.Length.ToString(CultureInfo.InvariantCulture)), ("alt_txt", u.AltText)], SlackRepeat.WhenFailed, ct);
        var fileId = Field("files.getUploadURLExternal", slot["file_id"], "file_id");
        var uploadUrl = new Uri(Field("files.getUploadURLExternal", slot["upload_url"], "upload_url"));

        // Nobody sees the file before it is completed, so sending the bytes again is harmless.
        using var uploaded = await retry.SendAsync("upload", SlackRepeat.WhenFailed, c => http.PostAsync(uploadUrl, new ByteArrayContent(u.Content), c), ct);

        // Completing with a channel shares the file there: that is a post, and is not repeated after a 500.
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = u.Title ?? u.FileName });
        await CallAsync("files.completeUploadExternal",
            [("files", files.ToJsonString()), ("channel_id", u.ChannelId), ("initial_comment", u.InitialComment)], u.ChannelId is null ? SlackRepeat.WhenFailed : SlackRepeat.WhenNotReceived, ct);
        return fileId;
    }

    /// <summary>Answers an interaction through its response_url (JSON; Slack allows 5 uses in 30 minutes).</summary>
    public async Task RespondAsync(Uri responseUrl, SlackPayload p, SlackResponseMode mode, CancellationToken ct)
    {
        if (!responseUrl.IsAbsoluteUri) throw new ArgumentException("A response_url is absolute.", nameof(responseUrl));
        var body = SlackApiResponseUrl.Body(p, mode);
        // A new message must not appear twice; rewriting or deleting the original twice changes nothing.
        var repeat = mode is SlackResponseMode.ReplaceOriginal or SlackResponseMode.DeleteOriginal ? SlackRepeat.WhenFailed : SlackRepeat.WhenNotReceived;
        using var answered = await retry.SendAsync("response_url", repeat,
            c => http.PostAsync(responseUrl, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), c), ct);
    }

    /// <summary>Slack suggests at most 200 a page; the outbox looks back only minutes to hours, so one page usually holds it all.</summary>
    private const string HistoryPageSize = "100";

    private static (string, string?)[] Message(SlackPayload p) => [("text", p.Text), ("blocks", p.Blocks?.ToJsonString()), ("thread_ts", p.ThreadTs)];

    private async Task<JsonObject> CallAsync(string method, (string Name, string? Value)[] args, SlackRepeat repeat, CancellationToken ct)
    {
        var token = options.Value.BotToken;
        if (string.IsNullOrWhiteSpace(token)) throw new InvalidOperationException($"Slack:BotToken is not set; Slack's {method} needs the bot token (xoxb-…).");
        var form = args.Where(a => a.Value is not null).Select(a => KeyValuePair.Create(a.Name, a.Value!)).ToList();
        using var response = await retry.SendAsync(method, repeat, async c =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await http.SendAsync(request, c);
        }, ct);
        var answer = await ReadAsync(method, response, ct);
        if (answer["ok"]?.GetValue<bool>() == true) return answer;
        throw new SlackApiException(method, (string?)answer["error"] ?? "unknown_error", (string?)answer["needed"], (string?)answer["provided"]);
    }

    private static async Task<JsonObject> ReadAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject ?? throw Missing(method, "a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Slack {method} answered HTTP 200 without JSON; is Slack:ApiBaseUrl Slack's API?", e);
        }
    }

    private static string Field(string method, JsonNode? value, string name) => (string?)value ?? throw Missing(method, name);

    private static InvalidOperationException Missing(string method, string what) => new($"Slack {method} answered ok without {what}.");
}
