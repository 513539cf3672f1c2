using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>Open threads as of T; OnTrackShare is "open on track %" as a fraction (null when none are open).</summary>
public sealed record OpenThreads(int Count, int OnTrack, double? OnTrackShare, DateTimeOffset? NearestDeadlineAt);

/// <summary>Threads due in a period and those answered by their deadline; Rate null when none were due.</summary>
public sealed record AnswerRate(int Due, int AnsweredInTime, double? Rate);

/// <summary>metrics.md "open on track %" and "answer rate".</summary>
public sealed class SlaQuery(OpsDbContext db)
{
    /// <summary>Open threads as of T; on track = remainingMs ≥ 0, i.e. deadline at or after T.</summary>
    public async Task<OpenThreads> OpenAsync(DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        var row = await db.Threads.OpenAsOf(asOf).OfCreator(creatorId)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), OnTrack = g.Count(t => t.DeadlineAt >= asOf), Nearest = g.Min(t => (DateTimeOffset?)t.DeadlineAt) })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? new OpenThreads(0, 0, null, null)
            : new OpenThreads(row.Count, row.OnTrack, Fraction.Of(row.OnTrack, row.Count), row.Nearest);
    }

    /// <summary>Threads whose deadline falls in the period: answered at or before their deadline ÷ all of them.</summary>
    public async Task<AnswerRate> AnswerRateAsync(Period period, DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        // The period ends by T, so a deadline in it is at or before T and so is any reply that met it.
        var row = await db.Threads.DueIn(period.EndingBy(asOf)).OfCreator(creatorId)
            .GroupBy(_ => 1)
            .Select(g => new { Due = g.Count(), InTime = g.Count(t => t.FirstReplyAt <= t.DeadlineAt) })
            .SingleOrDefaultAsync(ct);
        return row is null ? new AnswerRate(0, 0, null) : new AnswerRate(row.Due, row.InTime, Fraction.Of(row.InTime, row.Due));
    }
}
