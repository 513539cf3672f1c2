using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>Whether a creator gets deadline nudges, and who last changed that. No row: they do.</summary>
public sealed class CreatorNudgeSetting
{
    public required string CreatorId { get; set; }
    public bool OptedOut { get; set; }

    /// <summary>Who pressed the button: an ops member or the creator, as the chat platform named them.</summary>
    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CreatorNudgeSetting>
    {
        public void Configure(EntityTypeBuilder<CreatorNudgeSetting> b)
        {
            b.HasKey(s => s.CreatorId);
            b.Property(s => s.CreatorId).HasMaxLength(Limits.Id);
            b.Property(s => s.ChangedBy).HasMaxLength(Limits.Text);
        }
    }
}
