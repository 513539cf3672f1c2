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
    string CreatorId, string Handle, double? AnswerRate, double? MeanReplyHours, IReadOnlyList<OutlierReason> Reasons,
    int DueThreads, int AnsweredThreads, double? MeanAllowedHours);

/// <summary>metrics.md "creator outliers", with OpsBot:Outliers:MinAnswerRate and MinSample.</summary>
public sealed class CreatorOutliersQuery(OpsDbContext db, IOptions<OpsBotOptions> options)
{
    private const double MsPerHour = 3_600_000d;

    /// <summary>Outliers as of T, by handle; with <paramref name="creatorId"/> only that creator (empty when not an outlier).</summary>
    public async Task<IReadOnlyList<CreatorOutlier>> FindAsync(DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default) =>
        await WithHandlesAsync([.. (await JudgeAsync(asOf, creatorId, ct)).Where(c => c.Reasons.Count > 0)], ct);

    /// <summary>
    /// One creator's figures as the judgement sees them, flagged or not (no reasons when not): what shows an
    /// alert that an outlier has recovered. Null when the creator has no thread due or first answered in the window.
    /// </summary>
    public async Task<CreatorOutlier?> FiguresOfAsync(DateTimeOffset asOf, string creatorId, CancellationToken ct = default) =>
        (await WithHandlesAsync(await JudgeAsync(asOf, creatorId, ct), ct)).SingleOrDefault();

    private async Task<List<Judged>> JudgeAsync(DateTimeOffset asOf, string? creatorId, CancellationToken ct)
    {
        var settings = options.Value.Outliers;
        var window = CreatorWindow.Of(asOf);
        var due = await db.Threads.DueIn(window).OfCreator(creatorId)
            .GroupBy(t => t.CreatorId)
            .Select(g => new { CreatorId = g.Key, Due = g.Count(), InTime = g.Count(t => t.FirstReplyAt <= t.DeadlineAt) })
            .ToDictionaryAsync(r => r.CreatorId, r => (r.Due, r.InTime), ct);
        var answered = await db.Threads.FirstAnsweredIn(window).OfCreator(creatorId)
            .GroupBy(t => t.CreatorId)
            .Select(g => new { CreatorId = g.Key, Count = g.Count(), ReplyMs = g.Sum(t => t.ReplyMs) ?? 0, AllowedMs = g.Sum(t => t.AllowedMs) })
            .ToDictionaryAsync(r => r.CreatorId, r => (r.Count, r.ReplyMs, r.AllowedMs), ct);
        return [.. due.Keys.Union(answered.Keys).Select(id =>
        {
            (int Due, int InTime)? d = due.TryGetValue(id, out var dv) ? dv : null;
            (int Count, long ReplyMs, long AllowedMs)? a = answered.TryGetValue(id, out var av) ? av : null;
            return new Judged(id, d, a, ReasonsFor(d, a, settings));
        })];
    }

    private async Task<IReadOnlyList<CreatorOutlier>> WithHandlesAsync(List<Judged> judged, CancellationToken ct)
    {
        var handles = await db.HandlesByIdAsync([.. judged.Select(c => c.Id)], ct);
        return judged
            .Select(c => new CreatorOutlier(
                c.Id,
                handles.GetValueOrDefault(c.Id, c.Id),
                c.Due is { } d ? Fraction.Of(d.InTime, d.Due) : null,
                c.Answered is { } a ? a.ReplyMs / MsPerHour / a.Count : null,
                c.Reasons,
                c.Due?.Due ?? 0,
                c.Answered?.Count ?? 0,
                c.Answered is { } b ? b.AllowedMs / MsPerHour / b.Count : null))
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

    private sealed record Judged(string Id, (int Due, int InTime)? Due, (int Count, long ReplyMs, long AllowedMs)? Answered, List<OutlierReason> Reasons);
}
