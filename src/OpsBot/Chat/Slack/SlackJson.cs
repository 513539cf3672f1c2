using System.Text.Json;

namespace OpsBot.Chat.Slack;

/// <summary>Reading what Slack posts as JSON without trusting its shape: a missing or mistyped field reads as absent.</summary>
internal static class SlackJson
{
    /// <returns>The document's root, or null when the text is no JSON.</returns>
    public static JsonElement? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The element at a path of property names, or null.</summary>
    public static JsonElement? At(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element;
    }

    /// <summary>A non-empty string at the path, or null.</summary>
    public static string? String(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;
}
