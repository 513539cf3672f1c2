using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Chat.Playground;

/// <summary>
/// The playground's channels: the team's three and one DM per creator in the store. Features that post
/// on their own (scheduled digests, nudges, proposals) call <see cref="PostAsync"/>.
/// </summary>
public sealed class PlaygroundChannel(OpsDbContext db, PlaygroundHistory history, OpsText text)
{
    public const string OpsDaily = "ops-daily", OpsAlerts = "ops-alerts", OpsApprovals = "ops-approvals";
    private const string DmPrefix = "dm:";

    public static IReadOnlyList<string> TeamChannels { get; } = [OpsDaily, OpsAlerts, OpsApprovals];

    /// <summary>The DM between OpsBot and a creator, by the creator's platform id (handles can change).</summary>
    public static string CreatorDm(string creatorId) => DmPrefix + creatorId;

    public async Task<IReadOnlyList<ChannelInfo>> ListAsync(CancellationToken ct)
    {
        var texts = PlaygroundText.Of(text);
        var creators = await db.Creators.AsNoTracking()
            .OrderBy(c => c.HandleKey)
            .Select(c => new { c.Id, c.Handle, c.DisplayName })
            .ToListAsync(ct);
        return
        [
            .. TeamChannels.Select(c => new ChannelInfo(c, c, ChannelKind.Team, null, texts["Topic." + c])),
            .. creators.Select(c =>
                new ChannelInfo(CreatorDm(c.Id), c.Handle, ChannelKind.Dm, c.DisplayName, texts.Format("Topic.Dm", c.DisplayName))),
        ];
    }

    public async Task<bool> ExistsAsync(string? channel, CancellationToken ct)
    {
        if (channel is null || channel.Length > PlaygroundMessage.ChannelLength) return false;
        if (TeamChannels.Contains(channel)) return true;
        var creatorId = channel.StartsWith(DmPrefix, StringComparison.Ordinal) ? channel[DmPrefix.Length..] : null;
        return creatorId is not null && await db.Creators.AnyAsync(c => c.Id == creatorId, ct);
    }

    /// <summary>Posts as OpsBot, for everyone in the channel. An unknown channel throws and stores nothing.</summary>
    /// <returns>The stored message's id.</returns>
    public async Task<long> PostAsync(string channel, ChatMessage message, CancellationToken ct)
    {
        if (!await ExistsAsync(channel, ct)) throw new ArgumentException($"There is no playground channel '{channel}'.", nameof(channel));
        var stored = history.Add(channel, PlaygroundHistory.Bot, visibleTo: null, message);
        await history.SaveAsync(ct);
        return stored.Id;
    }
}

/// <param name="Name">The channel's name, or the creator's handle for a DM.</param>
/// <param name="Title">The creator's display name for a DM.</param>
/// <param name="Topic">What the channel is for, in <c>OpsBot:Culture</c>, shown under its name.</param>
public sealed record ChannelInfo(string Id, string Name, ChannelKind Kind, string? Title, string Topic);

public enum ChannelKind { Team, Dm }
