using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>A creator as last described by <c>creator.upserted</c>.</summary>
public sealed class Creator
{
    public required string Id { get; set; }
    public required string Handle { get; set; }

    /// <summary>Lower-cased handle: handles are looked up case-insensitively on both providers.</summary>
    public required string HandleKey { get; set; }

    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public string? TimeZone { get; set; }
    public string? Locale { get; set; }
    public long StandardPriceMinor { get; set; }
    public required string Currency { get; set; }
    public decimal FastLaneFactor { get; set; }
    public bool FastLaneEnabled { get; set; }
    public CheckoutStatus CheckoutStatus { get; set; }
    public string? ReferralCode { get; set; }
    public string? ReferredByCode { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public string? SlackUserId { get; set; }
    public string? DiscordUserId { get; set; }

    /// <summary>occurredAt of the upsert now applied; an older upsert delivered late must not win.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public static string KeyOf(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();

    internal sealed class Configuration : IEntityTypeConfiguration<Creator>
    {
        public void Configure(EntityTypeBuilder<Creator> b)
        {
            b.Property(c => c.Id).HasMaxLength(Limits.Id);
            b.Property(c => c.Handle).HasMaxLength(Limits.Handle);
            b.Property(c => c.HandleKey).HasMaxLength(Limits.Handle);
            b.Property(c => c.DisplayName).HasMaxLength(Limits.Text);
            b.Property(c => c.Email).HasMaxLength(Limits.Text);
            b.Property(c => c.TimeZone).HasMaxLength(Limits.Id);
            b.Property(c => c.Locale).HasMaxLength(Limits.Code);
            b.Property(c => c.Currency).HasMaxLength(3);
            b.Property(c => c.FastLaneFactor).HasPrecision(9, 4);
            b.Property(c => c.CheckoutStatus).HasConversion<string>().HasMaxLength(Limits.Code);
            b.Property(c => c.ReferralCode).HasMaxLength(Limits.Id);
            b.Property(c => c.ReferredByCode).HasMaxLength(Limits.Id);
            b.Property(c => c.SlackUserId).HasMaxLength(Limits.Id);
            b.Property(c => c.DiscordUserId).HasMaxLength(Limits.Id);
            b.HasIndex(c => c.HandleKey).IsUnique();
            b.HasIndex(c => c.ReferralCode);
            b.HasIndex(c => c.ReferredByCode);
        }
    }
}

public enum CheckoutStatus { Active, Maintenance, Banned }
