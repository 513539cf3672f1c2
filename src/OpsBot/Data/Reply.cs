using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>A creator's reply. May arrive before its thread; see docs/platform-events.md.</summary>
public sealed class Reply
{
    public required string ThreadId { get; set; }
    public required string MessageId { get; set; }
    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Reply>
    {
        public void Configure(EntityTypeBuilder<Reply> b)
        {
            b.HasKey(r => new { r.ThreadId, r.MessageId });
            b.Property(r => r.ThreadId).HasMaxLength(Limits.Id);
            b.Property(r => r.MessageId).HasMaxLength(Limits.Id);
        }
    }
}
