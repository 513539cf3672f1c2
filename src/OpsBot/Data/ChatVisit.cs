using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>A fan opened a creator's chat page: the top of the funnel.</summary>
public sealed class ChatVisit
{
    public long Id { get; set; }
    public required string CreatorId { get; set; }
    public required string VisitorId { get; set; }
    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ChatVisit>
    {
        public void Configure(EntityTypeBuilder<ChatVisit> b)
        {
            b.Property(v => v.CreatorId).HasMaxLength(Limits.Id);
            b.Property(v => v.VisitorId).HasMaxLength(Limits.Id);
            b.HasIndex(v => v.At);
            b.HasIndex(v => new { v.CreatorId, v.At });
        }
    }
}
