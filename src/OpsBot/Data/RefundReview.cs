using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>A borderline case the platform's refund job hands to a human.</summary>
public sealed class RefundReview
{
    public long Id { get; set; }
    public required string ThreadId { get; set; }
    public required string Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<RefundReview>
    {
        public void Configure(EntityTypeBuilder<RefundReview> b)
        {
            b.Property(r => r.ThreadId).HasMaxLength(Limits.Id);
            b.Property(r => r.Reason).HasMaxLength(Limits.Text);
            b.Property(r => r.Note).HasMaxLength(Limits.Note);
            b.HasIndex(r => r.ThreadId);
            b.HasIndex(r => r.At);
        }
    }
}
