using System.Globalization;
using OpsBot.Data;

namespace OpsBot.Alerts;

/// <summary>The subjects an alert is kept per, and the outbox keys of its posts (deterministic, so a retried sweep enqueues nothing twice).</summary>
public static class AlertSubjects
{
    public const string CriticalThreads = "critical-threads";
    public const string WeeklyRefundRate = "weekly-refund-rate";
    private const string OutlierPrefix = "outlier:", RefundRatePrefix = "refund-rate:";

    public static string Outlier(string creatorId) => OutlierPrefix + creatorId;

    public static string RefundRate(string creatorId) => RefundRatePrefix + creatorId;

    /// <summary>The creator a per-creator subject is about.</summary>
    public static string CreatorOf(Alert alert) =>
        CreatorOrNull(alert.Kind, alert.Subject) ?? throw new ArgumentException($"A {alert.Kind} alert is about no creator.", nameof(alert));

    /// <summary>The creator a subject is about, or null for the team-wide ones.</summary>
    public static string? CreatorOrNull(AlertKind kind, string subject) => kind switch
    {
        AlertKind.Outlier => subject[OutlierPrefix.Length..],
        AlertKind.CreatorRefundRate => subject[RefundRatePrefix.Length..],
        _ => null,
    };

    /// <summary>The post of one episode: <c>alert:critical-threads@2026-11-23T08:00Z</c>.</summary>
    public static string PostKey(string subject, DateTimeOffset raisedAt) => $"alert:{subject}@{Instant(raisedAt)}";

    /// <summary>The rewrite of an episode's post by one sweep occurrence (an update, or the final all-clear state).</summary>
    public static string UpdateKey(Alert alert, DateTimeOffset occurrence) => $"{alert.PostKey}#{Instant(occurrence)}";

    /// <summary>The one short all-clear line of an episode.</summary>
    public static string AllClearKey(Alert alert) => $"{alert.PostKey}/clear";

    // Sweeps run on whole minutes, so minutes identify an occurrence; the same form as the jobs' occurrence keys.
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
