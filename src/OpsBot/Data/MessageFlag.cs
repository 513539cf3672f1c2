using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>A fan flagged an answer (poor quality and the like).</summary>
public sealed class MessageFlag
{
    public long Id { get; set; }
    public required string ThreadId { get; set; }
    public required string MessageId { get; set; }
    public required string Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<MessageFlag>
    {
        public void Configure(EntityTypeBuilder<MessageFlag> b)
        {
            b.Property(f => f.ThreadId).HasMaxLength(Limits.Id);
            b.Property(f => f.MessageId).HasMaxLength(Limits.Id);
            b.Property(f => f.Reason).HasMaxLength(Limits.Text);
            b.Property(f => f.Note).HasMaxLength(Limits.Note);
            b.HasIndex(f => f.ThreadId);
            b.HasIndex(f => f.At);
        }
    }
}
