using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>
/// A message OpsBot sends on its own (digest, alert, nudge, proposal), stored before it is sent. The caller's
/// <see cref="Key"/> makes enqueueing idempotent; <see cref="LeaseOwner"/> and <see cref="LeaseUntil"/> let one
/// instance at a time send it; <see cref="Reference"/> is where it landed, for a later update in place.
/// </summary>
public sealed class OutboxMessage
{
    public const int KeyLength = 200;
    public const int OwnerLength = 100;

    public long Id { get; set; }

    /// <summary>Chosen by the caller, e.g. <c>digest.daily:2026-11-24</c>; the same key is sent once.</summary>
    public required string Key { get; set; }

    public OutboxTargetKind TargetKind { get; set; }

    /// <summary>The <see cref="Chat.OpsChannel"/> name, or the creator id for a DM or email.</summary>
    public required string TargetId { get; set; }

    /// <summary>For an update: the key of the message to rewrite; null for a new post.</summary>
    public string? UpdateOf { get; set; }

    /// <summary>The <see cref="Chat.ChatMessage"/> as <see cref="Chat.ChatMessageJson"/>.</summary>
    public required string Content { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>
    /// Counted when an instance claims it, so a send that crashed the host counts too; given back when the platform
    /// only deferred it (a rate limit).
    /// </summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>The platform's id of the delivered message (Slack <c>channel:ts</c>, playground message id).</summary>
    public string? Reference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<OutboxMessage>
    {
        public void Configure(EntityTypeBuilder<OutboxMessage> b)
        {
            b.HasKey(m => m.Id);
            b.Property(m => m.Key).HasMaxLength(KeyLength);
            b.HasIndex(m => m.Key).IsUnique();
            b.Property(m => m.TargetKind).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(m => m.TargetId).HasMaxLength(Limits.Id);
            b.Property(m => m.UpdateOf).HasMaxLength(KeyLength);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(m => m.LeaseOwner).HasMaxLength(OwnerLength);
            b.Property(m => m.LastError).HasMaxLength(Limits.Note);
            b.Property(m => m.Reference).HasMaxLength(Limits.Text);
            // The worker's question: what is due (pending by time, or sending with an expired lease).
            b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        }
    }
}

public enum OutboxTargetKind { Channel, CreatorDm, CreatorEmail }

public enum OutboxStatus { Pending, Sending, Sent, Parked }
