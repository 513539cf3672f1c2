using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Who and where in Slack: the channel for each kind of post, who may approve, and which Slack user a creator is.
/// Slack's answers are cached; Slack is asked through <see cref="SlackApi"/> taken from a fresh scope, because a
/// typed HttpClient must not be held for the life of a singleton.
/// </summary>
public sealed class SlackDirectory(IOptions<SlackOptions> options, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlackDirectory> log)
{
    /// <summary>A creator's Slack account rarely changes: one lookup a day per creator at most.</summary>
    public static readonly TimeSpan FoundFor = TimeSpan.FromHours(24);

    /// <summary>A creator not in the workspace may join it; they are looked up again after an hour.</summary>
    public static readonly TimeSpan NotFoundFor = TimeSpan.FromHours(1);

    private readonly SlackOptions slack = options.Value;
    private readonly HashSet<string> approvers = Ids(options.Value.Approvers);
    private readonly SlackDirectoryCache<string, HashSet<string>> groups = new(clock);
    private readonly SlackDirectoryCache<string, string?> usersByEmail = new(clock);

    /// <summary>The configured channel id, or null when none is set (the post then goes nowhere in Slack).</summary>
    public string? ChannelFor(OpsChannel channel) => NullIfBlank(channel switch
    {
        OpsChannel.Daily => slack.Channels.Daily,
        OpsChannel.Weekly => slack.Channels.Weekly,
        OpsChannel.Alerts => slack.Channels.Alerts,
        OpsChannel.Approvals => slack.Channels.Approvals,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    });

    /// <summary>
    /// Listed in <c>Slack:Approvers</c> or a member of <c>Slack:ApproverGroup</c>. When the group cannot be read,
    /// its members are not approvers (refunds are decided here, so doubt means no), and Slack is asked again next time.
    /// </summary>
    public async Task<bool> IsApproverAsync(string userId, CancellationToken ct)
    {
        if (approvers.Contains(userId)) return true;
        if (NullIfBlank(slack.ApproverGroup) is not { } group) return false;
        if (!groups.TryGet(group, out var members))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                members = [.. await scope.ServiceProvider.GetRequiredService<SlackApi>().UserGroupMembersAsync(group, ct)];
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "Could not read the approver group {Group} from Slack: its members cannot approve until it can be read", group);
                return false;
            }
            groups.Set(group, members, slack.ApproverGroupCacheFor);
        }
        return members.Contains(userId);
    }

    /// <summary>
    /// The creator's <c>slackUserId</c> from the feed; else their Slack user found by email (cached, found or not);
    /// else null: unknown creator, no email, or not in the workspace.
    /// </summary>
    /// <exception cref="SlackLookupException">Slack could not be asked (logged, not cached): "not found" is not known yet.</exception>
    public async Task<string?> CreatorUserIdAsync(string creatorId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var creator = await scope.ServiceProvider.GetRequiredService<OpsDbContext>().Creators
            .Where(c => c.Id == creatorId)
            .Select(c => new { c.SlackUserId, c.Email })
            .SingleOrDefaultAsync(ct);
        if (NullIfBlank(creator?.SlackUserId) is { } fromFeed) return fromFeed;
        if (NullIfBlank(creator?.Email) is not { } email) return null;
        // Slack matches emails whatever their case, so the cache does too.
        var key = email.ToLowerInvariant();
        if (usersByEmail.TryGet(key, out var cached)) return cached;

        string? found;
        try
        {
            found = await scope.ServiceProvider.GetRequiredService<SlackApi>().LookupUserIdByEmailAsync(email, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The creator id, not the email: logs should not collect personal data.
            log.LogWarning(e, "Could not look up creator {CreatorId} in Slack by email", creatorId);
            throw new SlackLookupException(creatorId, e);
        }
        usersByEmail.Set(key, found, found is null ? NotFoundFor : FoundFor);
        return found;
    }

    private static HashSet<string> Ids(string? commaSeparated) =>
        new((commaSeparated ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Slack could not say whether a creator is in the workspace: ask again later rather than treat them as absent.</summary>
public sealed class SlackLookupException(string creatorId, Exception inner)
    : Exception($"Could not look up creator {creatorId} in Slack.", inner);
