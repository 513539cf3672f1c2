using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>Where an outbox message goes, in the ops team's words; each platform finds its own channel for it.</summary>
/// <param name="Id">The <see cref="OpsChannel"/> name, or the creator id for a DM.</param>
public sealed record OutboxTarget(OutboxTargetKind Kind, string Id)
{
    public static OutboxTarget Channel(OpsChannel channel) => new(OutboxTargetKind.Channel, channel.ToString());

    /// <summary>The DM between OpsBot and a creator, by the creator's platform id (handles can change).</summary>
    public static OutboxTarget CreatorDm(string creatorId) => new(OutboxTargetKind.CreatorDm, creatorId);

    /// <summary>An email to a creator, by the creator's platform id: the address is read when it is sent, so none is stored here.</summary>
    public static OutboxTarget CreatorEmail(string creatorId) => new(OutboxTargetKind.CreatorEmail, creatorId);

    /// <summary>The team channel; throws for a DM or email.</summary>
    public OpsChannel OpsChannel => Kind == OutboxTargetKind.Channel
        ? Enum.Parse<OpsChannel>(Id)
        : throw new InvalidOperationException($"{this} is not a team channel.");

    public override string ToString() => Kind switch
    {
        OutboxTargetKind.Channel => Id,
        OutboxTargetKind.CreatorDm => $"DM with creator {Id}",
        _ => $"email to creator {Id}",
    };
}
