using System.Text.Json.Nodes;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Message metadata: data an app keeps with a message, which people do not see and the app can read back from
/// conversations.history.
/// </summary>
/// <param name="EventType">What kind of data it is (Slack asks for a readable alphanumeric name, e.g. <c>opsbot_outbox</c>).</param>
/// <param name="EventPayload">Free-form; Slack takes strings, numbers, booleans and objects of them.</param>
public sealed record SlackMetadata(string EventType, JsonObject EventPayload)
{
    public JsonObject ToJson() => new() { ["event_type"] = EventType, ["event_payload"] = EventPayload.DeepClone() };

    /// <returns>Null for a message without metadata (or with metadata not in Slack's shape).</returns>
    public static SlackMetadata? From(JsonNode? metadata) =>
        metadata is JsonObject o && o["event_type"] is JsonValue type && type.TryGetValue<string>(out var eventType) && o["event_payload"] is JsonObject payload
            ? new SlackMetadata(eventType, (JsonObject)payload.DeepClone())
            : null;
}
