using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>What a proposal would do once an approver releases it.</summary>
public enum ProposalKind { Refund, DisableCheckout, Ban, BlockFastLane, AdjustPrice, Lift }

/// <summary>Where a proposal came from: a playbook OpsBot ran, or a person.</summary>
public enum ProposalSource { SlaMiss, RefundReview, Flag, RepeatedMisses, SystematicFlags, HighRefundRate, Manual }

/// <summary>The decision's life: open until an approver decides, it expires, or the live state makes it moot.</summary>
public enum ProposalStatus { Open, Approved, Rejected, Expired, Superseded }

/// <summary>The platform action after an approval: queued, running on one instance, done, or failed for good.</summary>
public enum ExecutionStatus { None, Pending, Running, Succeeded, Failed }

/// <summary>
/// A financial or account action OpsBot proposes and only an approver can release. <see cref="OpenCaseKey"/> holds
/// <see cref="CaseKey"/> while the proposal is open and is null after: its unique index is what keeps one case from
/// having two open proposals, across instances. Decisions and execution claims are conditional UPDATEs on
/// <see cref="Status"/> / <see cref="Execution"/>, so twenty presses make one decision and one platform call.
/// </summary>
public sealed class Proposal
{
    public const int ReasonLength = 64, ActorLength = 160;

    public long Id { get; set; }
    public ProposalKind Kind { get; set; }

    /// <summary>The case in the team's words, e.g. <c>refund:t-123</c>, <c>ban:c-7</c>: the same case is proposed once at a time.</summary>
    public required string CaseKey { get; set; }

    public string? OpenCaseKey { get; set; }

    public required string CreatorId { get; set; }
    public string? ThreadId { get; set; }
    public ProposalSource Source { get; set; }

    /// <summary>Machine-readable reason (<c>sla_miss</c>, <c>refund_review</c>, <c>flag</c>, ...), also sent to the platform.</summary>
    public required string Reason { get; set; }

    /// <summary>What the proposer saw: the refund review's note, the flag, the figures behind a playbook.</summary>
    public string? Evidence { get; set; }

    /// <summary>For a refund: the amount, in minor units of <see cref="Currency"/>.</summary>
    public long? AmountMinor { get; set; }
    public string? Currency { get; set; }

    /// <summary>For <see cref="ProposalKind.AdjustPrice"/>: the new standard price (minor units) and/or fast-lane factor.</summary>
    public long? NewPriceMinor { get; set; }
    public decimal? NewFastLaneFactor { get; set; }

    /// <summary>
    /// The creator's state the proposal was made on, for the fields its kind acts on (null for the others, for refunds,
    /// and for proposals made before baselines were kept). When one of them has changed by the approver's press or the
    /// execution, the proposal would overwrite a newer decision, so it is superseded instead (<see cref="Proposals.ProposalBaseline"/>).
    /// </summary>
    public CheckoutStatus? BaselineCheckoutStatus { get; set; }
    public bool? BaselineFastLaneEnabled { get; set; }
    public long? BaselinePriceMinor { get; set; }
    public decimal? BaselineFastLaneFactor { get; set; }

    /// <summary><c>opsbot</c> for a playbook, else <c>platform:id</c> of the person (see <see cref="Chat.ChatActor"/>).</summary>
    public required string RequestedBy { get; set; }
    public required string RequestedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public ProposalStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>A rejection's reason, or why the proposal was superseded.</summary>
    public string? DecisionNote { get; set; }

    public ExecutionStatus Execution { get; set; }
    public int ExecutionAttempts { get; set; }
    public DateTimeOffset? NextExecutionAt { get; set; }
    public string? ExecutionOwner { get; set; }
    public DateTimeOffset? ExecutionLeaseUntil { get; set; }
    public string? ExecutionError { get; set; }
    public DateTimeOffset? ExecutedAt { get; set; }

    /// <summary>What the platform answered (its refund id, say), shown on the proposal.</summary>
    public string? ExecutionResult { get; set; }

    /// <summary>How people read the id: <c>P-42</c>.</summary>
    public string Number => FormatNumber(Id);

    public static string FormatNumber(long id) => $"P-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static bool TryParseNumber(string? text, out long id)
    {
        id = 0;
        return text is { Length: > 2 } && text.StartsWith("P-", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id)
            && id > 0;
    }

    internal sealed class Configuration : IEntityTypeConfiguration<Proposal>
    {
        public void Configure(EntityTypeBuilder<Proposal> b)
        {
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(p => p.CaseKey).HasMaxLength(Limits.Text / 2);
            b.Property(p => p.OpenCaseKey).HasMaxLength(Limits.Text / 2);
            b.Property(p => p.CreatorId).HasMaxLength(Limits.Id);
            b.Property(p => p.ThreadId).HasMaxLength(Limits.Id);
            b.Property(p => p.Source).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(p => p.Reason).HasMaxLength(ReasonLength);
            b.Property(p => p.Evidence).HasMaxLength(Limits.Note);
            b.Property(p => p.Currency).HasMaxLength(3);
            b.Property(p => p.NewFastLaneFactor).HasPrecision(9, 4);
            b.Property(p => p.BaselineCheckoutStatus).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(p => p.BaselineFastLaneFactor).HasPrecision(9, 4);
            b.Property(p => p.RequestedBy).HasMaxLength(ActorLength);
            b.Property(p => p.RequestedByName).HasMaxLength(ActorLength);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(p => p.DecidedBy).HasMaxLength(ActorLength);
            b.Property(p => p.DecidedByName).HasMaxLength(ActorLength);
            b.Property(p => p.DecisionNote).HasMaxLength(Limits.Note);
            b.Property(p => p.Execution).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(p => p.ExecutionOwner).HasMaxLength(ActorLength);
            b.Property(p => p.ExecutionError).HasMaxLength(Limits.Note);
            b.Property(p => p.ExecutionResult).HasMaxLength(Limits.Text);
            // Nullable and unique: SQLite allows many NULLs, and EF filters the SQL Server index to NOT NULL.
            b.HasIndex(p => p.OpenCaseKey).IsUnique();
            b.HasIndex(p => new { p.Status, p.ExpiresAt });
            b.HasIndex(p => new { p.Execution, p.NextExecutionAt });
            b.HasIndex(p => new { p.CreatorId, p.CreatedAt });
            b.HasIndex(p => p.CaseKey);
        }
    }
}
