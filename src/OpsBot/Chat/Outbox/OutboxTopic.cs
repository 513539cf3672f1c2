using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Ops;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// <c>/ops outbox</c>: what is waiting to be sent, and the parked messages (those the worker gave up on) with a button
/// to send them again. Parked messages are never sent on their own; this is how the team gets them out once the cause
/// (a Slack outage, a missing channel) is fixed.
/// </summary>
public sealed class OutboxTopic(OpsDbContext db, OpsFormat format, OpsText text, TimeProvider clock) : IOpsTopic
{
    /// <summary>Parked messages listed by name; the button sends all of them.</summary>
    public const int MaxListed = 10;

    public string Name => "outbox";

    private Texts T => text.Of(OutboxText.Resources);

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) => BuildAsync(ct);

    public async Task<ChatMessage> BuildAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromDays(1);
        var counts = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status != OutboxStatus.Sent || m.SentAt >= since)
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        int Count(OutboxStatus status) => counts.GetValueOrDefault(status);
        var header = T["Topic.Header"];
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock(header),
            new TextBlock(T.Rich("Topic.Counts", format.Number(Count(OutboxStatus.Pending)), format.Number(Count(OutboxStatus.Sending)),
                format.Number(Count(OutboxStatus.Parked)), format.Number(Count(OutboxStatus.Sent)))),
        };
        var parked = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Parked)
            .OrderByDescending(m => m.Id)
            .Take(MaxListed)
            .ToListAsync(ct);
        foreach (var item in parked)
            blocks.Add(new TextBlock(T.Rich("Topic.Parked", item.Key, T.Format($"Target.{item.TargetKind}", item.TargetId),
                format.Number(item.Attempts), format.TimeValue(item.CreatedAt), item.LastError ?? "?")));
        if (Count(OutboxStatus.Parked) > MaxListed)
            blocks.Add(new ContextBlock(T.Rich("Topic.More", format.Number(Count(OutboxStatus.Parked) - MaxListed))));
        if (parked.Count > 0)
            blocks.Add(new ButtonsBlock([new ChatButton(SendParkedAgainAction.Id, T["Topic.SendAgain"], ButtonStyle.Primary,
                Confirm: T.Format("Topic.SendAgainConfirm", Count(OutboxStatus.Parked)))]));
        else
            blocks.Add(new ContextBlock(T.Rich("Topic.NoneParked")));
        return new ChatMessage(header, [.. blocks], []);
    }
}
