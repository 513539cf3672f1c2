using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>A fan started checkout: the funnel's second step.</summary>
public sealed class Checkout
{
    public required string Id { get; set; }
    public required string CreatorId { get; set; }
    public Lane Lane { get; set; }
    public string? OfferId { get; set; }
    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Checkout>
    {
        public void Configure(EntityTypeBuilder<Checkout> b)
        {
            b.Property(c => c.Id).HasMaxLength(Limits.Id);
            b.Property(c => c.CreatorId).HasMaxLength(Limits.Id);
            b.Property(c => c.OfferId).HasMaxLength(Limits.Id);
            b.Property(c => c.Lane).HasConversion<string>().HasMaxLength(Limits.Code);
            b.HasIndex(c => c.At);
            b.HasIndex(c => new { c.CreatorId, c.At });
        }
    }
}
