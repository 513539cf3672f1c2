using System.Data;
using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Data;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// Flags a creator in the audit log (<c>creator.flagged</c>), where <c>/ops audit @creator</c> and the creator card find
/// it. A flag stands for a while: a creator already flagged since then is not flagged again, so a sweep every 15 minutes
/// writes one line, not one per sweep.
/// </summary>
public sealed class CreatorFlags(OpsDbContext db, AuditLog audit)
{
    /// <param name="since">A flag at or after this still stands.</param>
    /// <returns>True when this call flagged the creator.</returns>
    public Task<bool> FlagAsync(string creatorId, string handle, string why, DateTimeOffset since, CancellationToken ct) =>
        // Serializable: of two sweeps looking at once, only one finds no flag and writes one.
        db.InTransactionAsync(async ct =>
        {
            if (await db.AuditLog.AnyAsync(e => e.CreatorId == creatorId && e.Action == AuditActions.CreatorFlagged && e.At >= since, ct)) return false;
            audit.Add(new AuditRecord(AuditActor.OpsBot, AuditActions.CreatorFlagged, $"creator @{handle}", CreatorId: creatorId, After: "flagged", Why: why));
            await db.SaveChangesAsync(ct);
            return true;
        }, ct, IsolationLevel.Serializable);
}
