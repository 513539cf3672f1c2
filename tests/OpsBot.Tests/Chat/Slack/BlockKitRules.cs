using System.Text.Json.Nodes;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// What Slack would reject in a message payload, checked from the outside against chat-protocols.md A5:
/// block types and their required fields, text objects, and every length and count limit.
/// </summary>
internal static class BlockKitRules
{
    public static List<string> Problems(SlackPayload payload)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok) problems.Add(problem);
        }

        var blocks = payload.Blocks ?? [];
        Check(payload.Text.Length is > 0 and <= 40_000, $"top-level text of {payload.Text.Length}");
        Check(blocks.Count <= 50, $"{blocks.Count} blocks");
        var ids = new HashSet<string>();
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            var id = (string?)block["block_id"] ?? "";
            Check(id.Length is > 0 and <= 255 && ids.Add(id), $"block_id '{id}' missing, too long or repeated");
            var type = (string?)block["type"];
            switch (type)
            {
                case "header":
                    Text(block["text"], "header", 150, Check, plainOnly: true);
                    break;
                case "section" when block["fields"] is JsonArray fields:
                    Check(block["text"] is null, "section with text and fields");
                    Check(fields.Count is > 0 and <= 10, $"section with {fields.Count} fields");
                    foreach (var field in fields) Text(field, "field", 2000, Check);
                    break;
                case "section":
                    Text(block["text"], "section", 3000, Check);
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Check(elements.Count is > 0 and <= 10, $"context with {elements.Count} elements");
                    foreach (var element in elements) Text(element, "context", 3000, Check);
                    break;
                case "image":
                    var alt = (string?)block["alt_text"] ?? "";
                    Check(alt.Length is > 0 and <= 2000, $"alt_text of {alt.Length}");
                    Check(((string?)block["slack_file"]?["id"])?.Length > 0, "image without slack_file.id");
                    break;
                case "actions":
                    Actions(block["elements"]!.AsArray(), Check);
                    break;
                default:
                    problems.Add($"unknown block type '{type}'");
                    break;
            }
        }
        return problems;
    }

    private static void Actions(JsonArray buttons, Action<bool, string> check)
    {
        check(buttons.Count is > 0 and <= 25, $"actions with {buttons.Count} elements");
        var actionIds = new HashSet<string>();
        foreach (var button in buttons.Select(b => b!.AsObject()))
        {
            check((string?)button["type"] == "button", $"action element of type {button["type"]}");
            Text(button["text"], "button", 75, check, plainOnly: true);
            var actionId = (string?)button["action_id"] ?? "";
            check(actionId.Length is > 0 and <= 255 && actionIds.Add(actionId), $"action_id '{actionId}' missing, too long or repeated in its block");
            check(((string?)button["value"])?.Length is null or <= 2000, "button value over 2000");
            check((string?)button["style"] is null or "primary" or "danger", $"button style {button["style"]}");
            if (button["confirm"] is JsonObject confirm)
            {
                Text(confirm["title"], "confirm title", 100, check, plainOnly: true);
                Text(confirm["text"], "confirm text", 300, check);
                Text(confirm["confirm"], "confirm button", 30, check, plainOnly: true);
                Text(confirm["deny"], "deny button", 30, check, plainOnly: true);
                check((string?)confirm["style"] is null or "primary" or "danger", $"confirm style {confirm["style"]}");
            }
        }
    }

    private static void Text(JsonNode? node, string what, int limit, Action<bool, string> check, bool plainOnly = false)
    {
        var type = (string?)node?["type"];
        check(type == "plain_text" || (!plainOnly && type == "mrkdwn"), $"{what} text object of type '{type}'");
        var text = (string?)node?["text"] ?? "";
        check(text.Length > 0 && text.Length <= limit, $"{what} text of {text.Length} (limit {limit})");
    }
}
