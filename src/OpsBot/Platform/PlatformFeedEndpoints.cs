using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpsBot.Http;

namespace OpsBot.Platform;

/// <summary><c>POST /platform/events</c>: the platform pushes signed batches of events (docs/platform-events.md).</summary>
public static class PlatformFeedEndpoints
{

    /// <summary>Maps the feed only when <c>Platform:WebhookSecret</c> is set: no secret, no endpoint (fails closed).</summary>
    public static IEndpointRouteBuilder MapPlatformFeed(this IEndpointRouteBuilder app)
    {
        var secret = app.ServiceProvider.GetRequiredService<IOptions<PlatformOptions>>().Value.WebhookSecret;
        if (string.IsNullOrEmpty(secret)) return app;
        var signature = new WebhookSignature(secret, app.ServiceProvider.GetRequiredService<TimeProvider>());
        app.MapGroup("/platform").MapPost("/events", (HttpRequest request, EventParser parser, EventFeed feed, ILogger<EventFeed> log, CancellationToken ct) =>
            ReceiveEventsAsync(request, signature, parser, feed, log, ct));
        return app;
    }

    private static async Task<Results<Ok<FeedAccepted>, BadRequest<FeedRefused>, UnauthorizedHttpResult, StatusCodeHttpResult>> ReceiveEventsAsync(
        HttpRequest request, WebhookSignature signature, EventParser parser, EventFeed feed, ILogger log, CancellationToken ct)
    {
        if (RawBody.AnnouncedTooLarge(request)) return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!RawBody.IsOfType(request, "application/json")) return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        var body = await RawBody.ReadAsync(request, ct);
        if (body is null) return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!signature.IsValid(request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader], body))
            return TypedResults.Unauthorized();

        var parsed = parser.ParseArray(body);
        var result = parsed.Ok ? await feed.ApplyAsync(parsed.Events, ct) : new FeedResult(0, 0, parsed.Errors);
        if (!result.Ok)
        {
            // Counts only: the body is the platform's data, and error reasons can quote it.
            log.LogWarning("Platform batch refused: {Errors} errors, nothing stored", result.Errors.Count);
            return TypedResults.BadRequest(new FeedRefused(result.Errors));
        }
        log.LogInformation("Platform batch: {Applied} applied, {Duplicates} duplicates", result.Applied, result.Duplicates);
        return TypedResults.Ok(new FeedAccepted(result.Applied, result.Duplicates));
    }
}

/// <summary>200: the batch was applied (duplicates included).</summary>
public sealed record FeedAccepted(int Applied, int Duplicates);

/// <summary>400: nothing of the batch was stored; one error per refused event.</summary>
public sealed record FeedRefused(IReadOnlyList<EventError> Errors);
