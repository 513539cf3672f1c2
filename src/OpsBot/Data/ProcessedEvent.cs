using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>Every platform event id applied: a redelivered id is acknowledged and changes nothing.</summary>
public sealed class ProcessedEvent
{
    public required string Id { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ProcessedEvent>
    {
        public void Configure(EntityTypeBuilder<ProcessedEvent> b)
        {
            b.Property(e => e.Id).HasMaxLength(Limits.Id);
            b.Property(e => e.Type).HasMaxLength(Limits.Code);
        }
    }
}
