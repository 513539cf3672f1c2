using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>
/// A message in the local playground (Chat/Playground), kept so a reload shows the history. The message
/// itself is the chat-neutral <c>ChatMessage</c> as JSON, image and file bytes included, so they can be served.
/// </summary>
public sealed class PlaygroundMessage
{
    public const int ChannelLength = 160;

    public long Id { get; set; }

    /// <summary><c>ops-daily</c>, <c>ops-alerts</c>, <c>ops-approvals</c> or a creator's DM <c>dm:{creatorId}</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The playground identity who typed it, or the bot.</summary>
    public required string Author { get; set; }

    public required string AuthorName { get; set; }

    /// <summary>The one identity who sees it (a private answer), or null: the whole channel sees it.</summary>
    public string? VisibleTo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The serialized ChatMessage; rewritten in place when a button press updates the message.</summary>
    public required string Content { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PlaygroundMessage>
    {
        public void Configure(EntityTypeBuilder<PlaygroundMessage> b)
        {
            b.Property(m => m.Channel).HasMaxLength(ChannelLength);
            b.Property(m => m.Author).HasMaxLength(Limits.Id);
            b.Property(m => m.AuthorName).HasMaxLength(Limits.Text);
            b.Property(m => m.VisibleTo).HasMaxLength(Limits.Id);
            b.HasIndex(m => new { m.Channel, m.CreatedAt });
        }
    }
}
