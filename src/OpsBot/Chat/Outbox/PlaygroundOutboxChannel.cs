using System.Globalization;
using OpsBot.Chat.Playground;
using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>Delivers to the browser playground: the team's posts to its channels, creator messages to their DM there.</summary>
public sealed class PlaygroundOutboxChannel(PlaygroundChannel channels, PlaygroundHistory history, OpsDbContext db) : IOutboxChannel
{
    public bool InStore => true;

    public async Task<string> PostAsync(OutboxPost post, OutboxTarget target, ChatMessage message, CancellationToken ct)
    {
        var id = await channels.PostAsync(ChannelOf(target), message, ct);
        return id.ToString(CultureInfo.InvariantCulture);
    }

    public async Task UpdateAsync(string reference, ChatMessage message, CancellationToken ct)
    {
        var stored = await db.PlaygroundMessages.FindAsync([long.Parse(reference, CultureInfo.InvariantCulture)], ct)
            ?? throw new InvalidOperationException($"Playground message {reference} is gone, so it cannot be updated.");
        history.Replace(stored, message);
        await history.SaveAsync(ct);
    }

    /// <summary>The playground has one channel for both digests.</summary>
    private static string ChannelOf(OutboxTarget target) => target.Kind == OutboxTargetKind.CreatorDm
        ? PlaygroundChannel.CreatorDm(target.Id)
        : target.OpsChannel switch
        {
            OpsChannel.Daily or OpsChannel.Weekly => PlaygroundChannel.OpsDaily,
            OpsChannel.Alerts => PlaygroundChannel.OpsAlerts,
            OpsChannel.Approvals => PlaygroundChannel.OpsApprovals,
            var other => throw new ArgumentOutOfRangeException(nameof(target), other, null),
        };
}
