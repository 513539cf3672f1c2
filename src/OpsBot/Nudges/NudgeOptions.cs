using System.ComponentModel.DataAnnotations;

namespace OpsBot.Nudges;

/// <summary>Deadline nudges to creators (section <c>Nudges</c>).</summary>
public sealed class NudgeOptions : IValidatableObject
{
    public const string Section = "Nudges";

    /// <summary>The seed's one reminder: 12 hours before the deadline.</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(12);

    /// <summary>How long before a deadline a creator is nudged, once per offset (e.g. 12:00:00, 06:00:00, 02:00:00). Empty: 12 hours.</summary>
    public List<TimeSpan> Offsets { get; set; } = [];

    /// <summary>When not to nudge, in the creator's time zone.</summary>
    public QuietHours QuietHours { get; set; } = new();

    /// <summary>A link to each thread, <c>{threadId}</c> replaced (e.g. <c>https://app.example.com/threads/{threadId}</c>); unset: no link.</summary>
    public string? ThreadUrl { get; set; }

    /// <summary>The offsets in force, smallest first.</summary>
    public IReadOnlyList<TimeSpan> OffsetsInForce => Offsets.Count == 0 ? [DefaultOffset] : [.. Offsets.Order()];

    public string? LinkTo(string threadId) =>
        string.IsNullOrWhiteSpace(ThreadUrl) ? null : ThreadUrl.Replace("{threadId}", Uri.EscapeDataString(threadId), StringComparison.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var offset in Offsets.Where(o => o <= TimeSpan.Zero || o > TimeSpan.FromDays(30) || o.Ticks % TimeSpan.TicksPerMinute != 0))
            yield return new ValidationResult($"{Section}:Offsets '{offset}' must be whole minutes, more than 0 and at most 30 days.", [nameof(Offsets)]);
        if (Offsets.Distinct().Count() != Offsets.Count)
            yield return new ValidationResult($"{Section}:Offsets lists an offset twice.", [nameof(Offsets)]);
        if (ThreadUrl is { Length: > 0 } url && (!url.Contains("{threadId}", StringComparison.Ordinal)
                || !Uri.TryCreate(url.Replace("{threadId}", "t", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            yield return new ValidationResult($"{Section}:ThreadUrl '{url}' must be an http(s) URL containing {{threadId}}.", [nameof(ThreadUrl)]);
    }
}
