using System.Net;

namespace OpsBot.Chat.Slack;

/// <summary>When a Slack request may be sent again after it failed.</summary>
internal enum SlackRepeat
{
    /// <summary>Never: for the check at start, which must not hold the host's start hostage.</summary>
    Never,

    /// <summary>Only when Slack surely did nothing (429, no connection): for anything that posts.</summary>
    WhenNotReceived,

    /// <summary>Also after a 5xx, a timeout or a connection lost mid-request: for reads, edits and steps nobody sees.</summary>
    WhenFailed,
}

/// <summary>
/// Sends one Slack request and repeats it only when that cannot post twice. Slack rejects a rate-limited
/// request (429) and a refused connection sends nothing, so both are repeated for every call but the check at
/// start; a 429 only when its Retry-After is short (<see cref="MaxRateLimitWait"/>). A 5xx, a timeout or a connection
/// lost mid-request may come after Slack already acted (a 500 after the message was posted), so those are repeated
/// only for <see cref="SlackRepeat.WhenFailed"/> calls.
/// </summary>
/// <remarks>
/// Hand-written rather than Microsoft.Extensions.Http.Resilience: its retry does read Retry-After, but the
/// decision here is per Slack method (the same 500 is repeated for a lookup and surfaced for a post), which
/// would mean one pipeline per kind of call or a predicate reading request options; this loop says it
/// directly. Waits go through the injected <see cref="TimeProvider"/> so tests run on a fake clock.
/// </remarks>
public sealed class SlackApiRetry(TimeProvider time, ILogger<SlackApiRetry> log)
{
    internal const int MaxAttempts = 3;
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>The longest Retry-After waited out here; a longer one ends the call with a <c>ratelimited</c> error that carries it.</summary>
    internal static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromSeconds(10);

    /// <summary>Slack's SDKs wait one second when a 429 comes without Retry-After.</summary>
    internal static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <param name="what">The Slack method (or <c>upload</c>, <c>response_url</c>) for errors and logs; never a URL, which can be a credential.</param>
    /// <param name="send">Sends a fresh request on each call (a request message can be sent only once).</param>
    /// <returns>An HTTP 200 response; anything else ends in an exception.</returns>
    internal async Task<HttpResponseMessage> SendAsync(string what, SlackRepeat repeat, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        var maxAttempts = repeat == SlackRepeat.Never ? 1 : MaxAttempts;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await send(ct);
            }
            catch (Exception e) when (attempt < maxAttempts && !ct.IsCancellationRequested && (NothingSent(e) || repeat == SlackRepeat.WhenFailed && Transient(e)))
            {
                await WaitAsync(what, attempt, Backoff(attempt), e is HttpRequestException h ? h.HttpRequestError.ToString() : "timeout", ct);
                continue;
            }

            var status = response.StatusCode;
            if (status == HttpStatusCode.OK) return response;
            var retryAfter = RetryAfter(response);
            response.Dispose();
            if (status == HttpStatusCode.TooManyRequests)
            {
                // A long wait inline would hold the caller (and an outbox claim) for minutes: the caller decides when to come back.
                if (attempt == maxAttempts || retryAfter > MaxRateLimitWait) throw new SlackApiException(what, "ratelimited", retryAfter: retryAfter);
                await WaitAsync(what, attempt, retryAfter, "rate limited", ct);
            }
            else if ((int)status >= 500 && repeat == SlackRepeat.WhenFailed && attempt < maxAttempts)
                await WaitAsync(what, attempt, Backoff(attempt), $"HTTP {(int)status}", ct);
            else
                throw new HttpRequestException($"Slack {what} answered HTTP {(int)status}.", null, status);
        }
    }

    /// <summary>No connection was made, so Slack never saw the request.</summary>
    private static bool NothingSent(Exception e) => e is HttpRequestException
    {
        HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
    };

    /// <summary>A timeout (HttpClient cancels with its own token) or a connection lost after sending.</summary>
    private static bool Transient(Exception e) => e is HttpRequestException or TaskCanceledException;

    private TimeSpan RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > time.GetUtcNow() => date - time.GetUtcNow(),
        _ => DefaultRetryAfter,
    };

    /// <summary>Doubling from <see cref="FirstBackoff"/>, capped, and spread over its upper half so callers that failed together do not return together.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var full = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << (attempt - 1)));
        return full * (0.5 + Random.Shared.NextDouble() / 2);
    }

    private Task WaitAsync(string what, int attempt, TimeSpan delay, string reason, CancellationToken ct)
    {
        log.LogWarning("Slack {Method} attempt {Attempt} failed ({Reason}); trying again in {Delay}", what, attempt, reason, delay);
        return Task.Delay(delay, time, ct);
    }
}
