using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>
/// One line of the append-only audit log: who did what, when, to what, with the state before and after and why.
/// Rows are only ever inserted (through <see cref="Audit.AuditLog"/>), in the same transaction as the change they
/// describe, so the log and the state cannot disagree.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionLength = 64, SubjectLength = 200;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary><c>opsbot</c> for what OpsBot did on its own, else <c>platform:id</c>.</summary>
    public required string Actor { get; set; }
    public required string ActorName { get; set; }

    /// <summary>What happened, <c>feature.verb</c> (<see cref="Audit.AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to, in words a reader can search: <c>P-42</c>, <c>thread t-1</c>, <c>alert critical-threads</c>.</summary>
    public required string Subject { get; set; }

    public long? ProposalId { get; set; }
    public string? CreatorId { get; set; }
    public string? ThreadId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Why { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AuditEntry>
    {
        public void Configure(EntityTypeBuilder<AuditEntry> b)
        {
            b.ToTable("AuditLog");
            b.Property(e => e.Actor).HasMaxLength(Proposal.ActorLength);
            b.Property(e => e.ActorName).HasMaxLength(Proposal.ActorLength);
            b.Property(e => e.Action).HasMaxLength(ActionLength);
            b.Property(e => e.Subject).HasMaxLength(SubjectLength);
            b.Property(e => e.CreatorId).HasMaxLength(Limits.Id);
            b.Property(e => e.ThreadId).HasMaxLength(Limits.Id);
            b.Property(e => e.Before).HasMaxLength(Limits.Note);
            b.Property(e => e.After).HasMaxLength(Limits.Note);
            b.Property(e => e.Why).HasMaxLength(Limits.Note);
            b.HasIndex(e => e.At);
            b.HasIndex(e => new { e.CreatorId, e.At });
            b.HasIndex(e => new { e.ProposalId, e.At });
        }
    }
}
