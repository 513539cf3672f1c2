using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Chat.Slack;

/// <summary>
/// <c>POST /slack/events</c>, the Events API (chat-protocols.md A7): the URL check when the app is set up, and
/// events, each handled at most once across redeliveries and instances.
/// </summary>
public sealed class SlackEvents(OpsDbContext db, TimeProvider clock, ILogger<SlackEvents> log)
{
    public const string RetryHeader = "X-Slack-Retry-Num";

    public async Task<IResult> ReceiveAsync(SlackInboundRequest request, string? retry, CancellationToken ct)
    {
        if (SlackJson.Parse(request.Body) is not { } body) return Results.BadRequest();
        switch (body.String("type"))
        {
            case "url_verification":
                return body.String("challenge") is { } challenge ? Results.Json(new { challenge }) : Results.BadRequest();
            case "event_callback":
                if (body.String("event_id") is not { Length: <= Limits.Id } eventId
                    || body.String("event", "type") is not { Length: <= SlackEventReceipt.TypeLength } eventType)
                    return Results.BadRequest();
                var teamId = body.String("team_id");
                if (await ClaimAsync(eventId, eventType, teamId, ct)) Handle(eventId, eventType, teamId);
                else log.LogInformation("Slack event {EventId} already handled; redelivery {Retry} acknowledged", eventId, retry);
                return Results.Ok();
            case { } other:
                log.LogInformation("Slack sent {Type}; nothing to do", other);
                return Results.Ok();
            default:
                return Results.BadRequest();
        }
    }

    /// <summary>
    /// The insert is the claim: the receipt's key refuses a second one, whether Slack redelivered the event to
    /// this instance or another instance got it at the same time.
    /// </summary>
    /// <returns>true when this request may handle the event.</returns>
    private async Task<bool> ClaimAsync(string eventId, string eventType, string? teamId, CancellationToken ct)
    {
        db.SlackEventReceipts.Add(new SlackEventReceipt { EventId = eventId, EventType = eventType, TeamId = teamId, ReceivedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Only a receipt that is already there means "handled"; any other failure is a real error.
            if (await db.SlackEventReceipts.AnyAsync(r => r.EventId == eventId, ct)) return false;
            throw;
        }
    }

    /// <summary>
    /// Where events are handled, once each. No OpsBot feature listens to one yet; an <c>app_mention</c> answering
    /// with the help text would start here.
    /// </summary>
    private void Handle(string eventId, string eventType, string? teamId) =>
        log.LogInformation("Slack event {Type} ({EventId}) from team {Team} received; nothing handles it yet", eventType, eventId, teamId);
}
