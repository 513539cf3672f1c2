using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Data;

namespace OpsBot.Nudges;

/// <summary>Which creators are opted out of nudges, and the switch the stop and resume buttons flip.</summary>
public sealed class NudgeSettings(OpsDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<CreatorNudgeSetting?> FindAsync(string creatorId, CancellationToken ct) =>
        db.CreatorNudgeSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CreatorId == creatorId, ct);

    public async Task<HashSet<string>> OptedOutAsync(IReadOnlyCollection<string> creatorIds, CancellationToken ct) =>
        [.. await db.CreatorNudgeSettings.Where(s => s.OptedOut && creatorIds.Contains(s.CreatorId)).Select(s => s.CreatorId).ToListAsync(ct)];

    /// <summary>Sets the creator's choice; pressing twice leaves the same state (and the later presser's name).</summary>
    public async Task<CreatorNudgeSetting> SetAsync(string creatorId, bool optedOut, ChatActor by, CancellationToken ct)
    {
        var changedBy = $"{by.DisplayName} ({by.Platform}:{by.Id})";
        if (changedBy.Length > Limits.Text) changedBy = changedBy[..Limits.Text];
        var setting = await db.CreatorNudgeSettings.SingleOrDefaultAsync(s => s.CreatorId == creatorId, ct);
        if (setting is null)
        {
            setting = new CreatorNudgeSetting { CreatorId = creatorId, ChangedBy = changedBy };
            db.CreatorNudgeSettings.Add(setting);
        }
        audit.Add(new AuditRecord(AuditActor.Of(by), AuditActions.NudgeSettingChanged, $"nudges of creator {creatorId}", CreatorId: creatorId,
            Before: setting.OptedOut ? "opted out" : "nudged", After: optedOut ? "opted out" : "nudged"));
        setting.OptedOut = optedOut;
        setting.ChangedBy = changedBy;
        setting.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return setting;
    }
}
