using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OpsBot.Chat.Outbox;

namespace OpsBot.Nudges.Email;

/// <summary>
/// Resend's HTTP API: <c>POST /emails</c> with the API key as a Bearer token and the outbox key as <c>Idempotency-Key</c>.
/// Resend answers the same request with the same key (within 24 hours) with the first email's id and sends nothing
/// again, so the outbox may retry after a 5xx or a timeout without a second email. A 429 with Retry-After (Resend
/// allows a few requests a second) defers the email that long without costing an attempt; a 5xx or any other refusal
/// throws, and the outbox retries later with its backoff and parks the email after <c>Outbox:MaxAttempts</c>. The API
/// key never goes into an exception or a log.
/// </summary>
public sealed class ResendTransport(HttpClient http, IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task<string> SendAsync(EmailMessage email, CancellationToken ct)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseOf(settings.Resend.BaseUrl), "emails"))
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["from"] = settings.From,
                ["to"] = new JsonArray(email.To),
                ["subject"] = email.Subject,
                ["text"] = email.Text,
                ["html"] = email.Html,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Resend.ApiKey);
        request.Headers.Add("Idempotency-Key", email.Key);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode && Parse(body)?["id"]?.GetValue<string>() is { Length: > 0 } id) return id;
        // A rate limit sent nothing: the outbox comes back when Resend says, without counting it as a failed attempt.
        if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } wait)
            throw new DeliveryDeferredException(Describe(response, body), wait);
        throw new EmailNotSentException(Describe(response, body));
    }

    /// <summary>Resend's error is <c>{statusCode, name, message}</c>; its name and message say what to fix.</summary>
    private static string Describe(HttpResponseMessage response, string body)
    {
        var error = Parse(body);
        var what = error?["name"]?.ToString() is { } name ? $"{name}: {error["message"]}" : "no Resend error in the answer";
        var retry = response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } wait
            ? $" (retry after {wait.TotalSeconds:0} s)" : "";
        return $"Resend answered {(int)response.StatusCode}{retry}: {what}";
    }

    private static JsonNode? Parse(string body)
    {
        try { return JsonNode.Parse(body); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>Without a trailing slash "emails" would replace the base URL's last segment instead of following it.</summary>
    private static Uri BaseOf(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}

/// <summary>The email provider refused or failed; the message says why, without secrets or the email's content.</summary>
public sealed class EmailNotSentException(string message) : Exception(message);
