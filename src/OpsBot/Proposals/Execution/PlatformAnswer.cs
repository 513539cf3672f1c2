using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// Reads the platform's answer (docs/platform-actions.md): 2xx done; 409 already so (done, nothing changed);
/// 408, 429 and 5xx try again, after Retry-After when given; any other 4xx, and a redirect (never followed), is refused for good.
/// </summary>
internal static class PlatformAnswer
{
    private const int MaxBodyChars = 300;

    public static async Task<PlatformActionResult> ReadAsync(HttpResponseMessage response, string path, string? before, TimeProvider clock, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var body = await ReadBodyAsync(response, ct);
        if (response.IsSuccessStatusCode)
        {
            var id = Field(body, "id");
            return new PlatformActionResult(PlatformOutcome.Done, id is null ? $"platform HTTP {status}" : $"platform id {id}", before,
                $"{path} done{(id is null ? "" : $" ({id})")}");
        }
        var what = $"HTTP {status}{Error(body)}";
        return response.StatusCode switch
        {
            HttpStatusCode.Conflict => new PlatformActionResult(PlatformOutcome.NothingToDo, $"already so on the platform: {what}", before, before),
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => PlatformActionResult.Retry(what, RetryAfter(response, clock)),
            _ when status >= 500 => PlatformActionResult.Retry(what, RetryAfter(response, clock)),
            _ => PlatformActionResult.Refused($"platform refused: {what}"),
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > clock.GetUtcNow() ? date - clock.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>": code: message" from <c>{"error": …, "message": …}</c>; nothing for a body that is not that (an HTML error page).</summary>
    private static string Error(JsonObject? body) =>
        (Field(body, "error"), Field(body, "message")) switch
        {
            ({ } code, { } message) => $": {code}: {message}",
            ({ } code, null) => $": {code}",
            (null, { } message) => $": {message}",
            _ => "",
        };

    private static string? Field(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? Cut(text) : null;

    private static async Task<JsonObject?> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var raw = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonNode.Parse(raw) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Cut(string text) => text.Length <= MaxBodyChars ? text : text[..MaxBodyChars] + "…";
}
