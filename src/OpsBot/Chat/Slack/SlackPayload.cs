namespace OpsBot.Chat.Slack;

public sealed record SlackPayload(string Text, System.Text.Json.Nodes.JsonArray? Blocks = null, string? ThreadTs = null);
