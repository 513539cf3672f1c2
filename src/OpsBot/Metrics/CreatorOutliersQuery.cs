using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Metrics;

public enum OutlierReason { AnswerRate, ReplyTime }

/// <summary>
/// A creator flagged over the creator window. AnswerRate is null without threads due, MeanReplyHours
/// (and MeanAllowedHours, measured on the same threads) null without threads first answered.
/// </summary>
public sealed record CreatorOutlier(
    string Handle, double? AnswerRate, double? MeanReplyHours, IReadOnlyList<OutlierReason> Reasons,
    int DueThreads, int AnsweredThreads, double? MeanAllowedHours);

/// <summary>metrics.md "creator outliers", with OpsBot:Outliers:MinAnswerRate and MinSample.</summary>
public sealed class CreatorOutliersQuery(OpsDbContext db, IOptions<OpsBotOptions> options)
{
    private const double MsPerHour = 3_600_000d;

    /// <summary>Outliers as of T, by handle; with <paramref name="creatorId"/> only that creator (empty when not an outlier).</summary>
    public async Task<IReadOnlyList<CreatorOutlier>> FindAsync(DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        var settings = options.Value.Outliers;
        var window = CreatorWindow.Of(asOf);
        var due = await db.Threads.DueIn(window).OfCreator(creatorId)
            .GroupBy(t => t.CreatorId)
            .Select(g => new { CreatorId = g.Key, Due = g.Count(), InTime = g.Count(t => t.FirstReplyAt <= t.DeadlineAt) })
            .ToDictionaryAsync(r => r.CreatorId, ct);
        var answered = await db.Threads.FirstAnsweredIn(window).OfCreator(creatorId)
            .GroupBy(t => t.CreatorId)
            .Select(g => new { CreatorId = g.Key, Count = g.Count(), ReplyMs = g.Sum(t => t.ReplyMs) ?? 0, AllowedMs = g.Sum(t => t.AllowedMs) })
            .ToDictionaryAsync(r => r.CreatorId, ct);

        var flagged = due.Keys.Union(answered.Keys)
            .Select(id => (Id: id, Due: due.GetValueOrDefault(id), Answered: answered.GetValueOrDefault(id)))
            .Select(c => (c.Id, c.Due, c.Answered, Reasons: ReasonsFor(
                c.Due is null ? null : (c.Due.Due, c.Due.InTime), c.Answered is null ? null : (c.Answered.Count, c.Answered.ReplyMs, c.Answered.AllowedMs), settings)))
            .Where(c => c.Reasons.Count > 0)
            .ToList();
        var handles = await db.HandlesByIdAsync(flagged.Select(c => c.Id).ToList(), ct);
        return flagged
            .Select(c => new CreatorOutlier(
                handles.GetValueOrDefault(c.Id, c.Id),
                c.Due is null ? null : Fraction.Of(c.Due.InTime, c.Due.Due),
                c.Answered is null ? null : c.Answered.ReplyMs / MsPerHour / c.Answered.Count,
                c.Reasons,
                c.Due?.Due ?? 0,
                c.Answered?.Count ?? 0,
                c.Answered is null ? null : c.Answered.AllowedMs / MsPerHour / c.Answered.Count))
            .OrderBy(o => o.Handle, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static List<OutlierReason> ReasonsFor((int Due, int InTime)? due, (int Count, long ReplyMs, long AllowedMs)? answered, OutlierOptions settings)
    {
        var reasons = new List<OutlierReason>();
        if (due is { } d && d.Due >= settings.MinSample && (double)d.InTime / d.Due < settings.MinAnswerRate)
            reasons.Add(OutlierReason.AnswerRate);
        // Same threads on both sides, so comparing the sums compares the means, exactly.
        if (answered is { } a && a.Count >= settings.MinSample && a.ReplyMs > a.AllowedMs)
            reasons.Add(OutlierReason.ReplyTime);
        return reasons;
    }
}
