using System.Text;

namespace OpsBot.Chat.Slack;

/// <summary>
/// <c>POST /slack/interactions</c>: one form field <c>payload</c> holding JSON. Button presses are acknowledged at
/// once and run by the <see cref="SlackWorker"/>; a prompt's modal submitted (<c>view_submission</c>) is answered
/// by <see cref="SlackPrompts"/> within the request; what OpsBot does not use yet is acknowledged and ignored.
/// </summary>
public sealed class SlackInteractions(SlackWorkQueue queue, SlackPrompts prompts, TimeProvider clock, ILogger<SlackInteractions> log)
{
    /// <summary>Interactions Slack may send that no OpsBot feature uses yet (a modal closed, shortcuts).</summary>
    private static readonly HashSet<string> NotYetUsed = ["view_closed", "shortcut", "message_action"];

    public async Task<IResult> ReceiveAsync(SlackInboundRequest request, CancellationToken ct)
    {
        if (request.Field("payload") is not { } json || SlackJson.Parse(Encoding.UTF8.GetBytes(json)) is not { } payload)
            return Results.BadRequest();
        var type = payload.String("type");
        if (type == "view_submission") return await prompts.SubmitAsync(payload, ct);
        if (type is not null && NotYetUsed.Contains(type)) return Results.Ok();
        if (type != "block_actions" || SlackBlockAction.From(payload) is not { } action) return Results.BadRequest();

        if (queue.TryEnqueue(new SlackActionWork(action, clock.GetUtcNow()))) return Results.Ok();
        // Slack marks the button as failed, and the user can press it again.
        log.LogWarning("Button {Action} by {User} refused: the Slack work queue is full", action.ActionId, action.Actor.Id);
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
