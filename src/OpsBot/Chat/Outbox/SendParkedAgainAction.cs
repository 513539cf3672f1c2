using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// "Send again" under <c>/ops outbox</c>: every parked message goes back into the queue with fresh attempts, and one
/// audit line says who did it and how many. Any ops member may press it: sending what OpsBot already meant to send
/// moves no money. A message parked again raises no second alert (its alert key is per message).
/// </summary>
public sealed class SendParkedAgainAction(OpsDbContext db, AuditLog audit, OutboxSignal signal, OutboxTopic topic, OpsText text, TimeProvider clock)
    : IChatAction
{
    public const string ActionName = "outbox.resend";

    /// <summary>The button's id; the argument is not read (all parked messages go).</summary>
    public static readonly string Id = ActionId.Create(ActionName, "parked").ToString();

    public string Name => ActionName;

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var requeued = await db.InTransactionAsync(async ct =>
        {
            var count = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Parked).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                // 1, not 0: a parked post may have reached Slack on an attempt whose answer was lost, and only a retry
                // (attempt 2 on) looks in the channel's history before posting (OutboxPost.MayAlreadyBeDelivered).
                .SetProperty(m => m.Attempts, 1)
                .SetProperty(m => m.NextAttemptAt, now), ct);
            if (count == 0) return 0;
            audit.Add(new AuditRecord(AuditActor.Of(context.Actor), AuditActions.OutboxRequeued, "outbox",
                Before: $"{count} parked", After: $"{count} pending"));
            await db.SaveChangesAsync(ct);
            return count;
        }, ct);
        if (requeued > 0) signal.Wake();
        var said = text.Of(OutboxText.Resources).Rich(requeued > 0 ? "Topic.SentAgain" : "Topic.NothingParked", requeued);
        return new ActionResult(Reply: new ChatMessage(said.ToString(), new TextBlock(said)), UpdateOriginal: await topic.BuildAsync(ct));
    }
}
