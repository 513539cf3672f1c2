using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>A refund the platform issued. May arrive before its thread; see docs/platform-events.md.</summary>
public sealed class Refund
{
    public required string Id { get; set; }
    public required string ThreadId { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public RefundReason Reason { get; set; }
    public bool Automatic { get; set; }
    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Refund>
    {
        public void Configure(EntityTypeBuilder<Refund> b)
        {
            b.Property(r => r.Id).HasMaxLength(Limits.Id);
            b.Property(r => r.ThreadId).HasMaxLength(Limits.Id);
            b.Property(r => r.Currency).HasMaxLength(3);
            b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(Limits.Code);
            b.HasIndex(r => new { r.At, r.ThreadId });
            b.HasIndex(r => r.ThreadId);
        }
    }
}

public enum RefundReason { SlaMiss, PoorAnswer, Other }
