using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// Requests as Slack sends them, really signed: form posts for commands and buttons, JSON for events. The
/// signature is computed here, independently of OpsBot's verifier, at the host's (fake) clock time.
/// </summary>
public sealed class SlackRequests(string secret, TimeProvider clock)
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static string Sign(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    /// <param name="responseUrl">Null sends the field empty, as a broken proxy might.</param>
    public HttpRequestMessage Command(string command, string text, Uri? responseUrl, string userId = "U1", string channelId = "C1") =>
        Form("/slack/commands", [
            ("token", "legacy"), ("team_id", "T1"), ("channel_id", channelId), ("channel_name", "ops"), ("user_id", userId), ("user_name", "olga"),
            ("command", command), ("text", text), ("response_url", responseUrl?.ToString() ?? ""), ("trigger_id", "1.2.3"),
        ]);

    /// <summary>A press of a button whose action_id (and value) is <paramref name="actionId"/>.</summary>
    public HttpRequestMessage Press(string actionId, Uri responseUrl, string userId = "U1", bool ephemeral = false) => Interaction(new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "olga.ops", ["name"] = "olga", ["team_id"] = "T1" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = "C1", ["is_ephemeral"] = ephemeral },
        ["response_url"] = responseUrl.ToString(),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = actionId, ["block_id"] = "b1" }),
    }.ToJsonString());

    public HttpRequestMessage Interaction(string payload) => Form("/slack/interactions", [("payload", payload)]);

    public HttpRequestMessage Event(string eventId, string type = "app_mention", int? retry = null)
    {
        var request = Json("/slack/events", new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = "T1", ["api_app_id"] = "A1", ["event_id"] = eventId, ["event_time"] = 1763629200,
            ["event"] = new JsonObject { ["type"] = type, ["user"] = "U1", ["text"] = "<@UBOT> help", ["channel"] = "C1" },
        }.ToJsonString());
        if (retry is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return request;
    }

    public HttpRequestMessage Form(string path, IEnumerable<(string Name, string Value)> fields) =>
        Signed(path, string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}")), "application/x-www-form-urlencoded");

    public HttpRequestMessage Json(string path, string json) => Signed(path, json, "application/json");

    /// <param name="at">When it was signed; the host's clock by default.</param>
    /// <param name="signature">A signature to send instead of the right one.</param>
    public HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null, string? signature = null)
    {
        var timestamp = (at ?? clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Unsigned(path, body, contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature ?? Sign(secret, timestamp, body));
        return request;
    }

    public static HttpRequestMessage Unsigned(string path, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
