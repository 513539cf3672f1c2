using OpsBot.Chat;
using OpsBot.Data;

namespace OpsBot.Audit;

/// <summary>Who an audit line names: OpsBot itself, or a person as the chat adapter identified them.</summary>
public sealed record AuditActor(string Id, string Name)
{
    public static readonly AuditActor OpsBot = new("opsbot", "OpsBot");

    public static AuditActor Of(ChatActor actor) => new($"{actor.Platform}:{actor.Id}", actor.DisplayName);
}

/// <summary>One thing to write down; <see cref="AuditLog"/> stamps the time.</summary>
public sealed record AuditRecord(
    AuditActor Actor, string Action, string Subject, long? ProposalId = null, string? CreatorId = null, string? ThreadId = null,
    string? Before = null, string? After = null, string? Why = null);

/// <summary>
/// The append-only audit log. <see cref="Add"/> puts the line into the caller's unit of work, so it is saved in the same
/// SaveChanges (one transaction) as the change it describes: a decision without its line, or a line without its
/// decision, cannot happen. There is deliberately no way to change or remove a line.
/// </summary>
public sealed class AuditLog(OpsDbContext db, TimeProvider clock)
{
    public AuditEntry Add(AuditRecord record)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = Limits.Cut(record.Actor.Id, Proposal.ActorLength),
            ActorName = Limits.Cut(record.Actor.Name, Proposal.ActorLength),
            Action = record.Action,
            Subject = Limits.Cut(record.Subject, AuditEntry.SubjectLength),
            ProposalId = record.ProposalId,
            CreatorId = record.CreatorId,
            ThreadId = record.ThreadId,
            Before = Limits.Cut(record.Before, Limits.Note),
            After = Limits.Cut(record.After, Limits.Note),
            Why = Limits.Cut(record.Why, Limits.Note),
        };
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>For a line that stands alone (a refused press changes nothing else).</summary>
    public async Task AppendAsync(AuditRecord record, CancellationToken ct)
    {
        Add(record);
        await db.SaveChangesAsync(ct);
    }
}
