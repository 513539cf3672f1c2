using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Metrics;

/// <summary>Reply time of threads first answered in a period, in hours; every figure null when there are none.</summary>
public sealed record ReplyHours(int Count, double? Mean, double? Median, double? P90)
{
    public static ReplyHours None { get; } = new(0, null, null, null);
}

public sealed record ReplyHoursByLane(ReplyHours Standard, ReplyHours Fast);

public sealed record ReplyTimes(int Count, double? Mean, double? Median, double? P90, ReplyHoursByLane ByLane);

/// <summary>
/// metrics.md "reply time": first reply − createdAt for threads whose first reply falls in the period,
/// overall and per lane. The median and p90 are read by rank from SQL (count, then ORDER BY … OFFSET),
/// so only one or two values per figure leave the database.
/// </summary>
public sealed class ReplyTimeQuery(OpsDbContext db)
{
    private const double MsPerHour = 3_600_000d;

    public async Task<ReplyTimes> ForPeriodAsync(Period period, DateTimeOffset asOf, string? creatorId = null, CancellationToken ct = default)
    {
        var answered = db.Threads.FirstAnsweredIn(period.EndingBy(asOf)).OfCreator(creatorId);
        var lanes = await answered
            .GroupBy(t => t.Lane)
            .Select(g => new { Lane = g.Key, Count = g.Count(), SumMs = g.Sum(t => t.ReplyMs) ?? 0 })
            .ToListAsync(ct);

        async Task<ReplyHours> LaneAsync(Lane lane)
        {
            var row = lanes.SingleOrDefault(l => l.Lane == lane);
            return row is null ? ReplyHours.None : await StatsAsync(answered.Where(t => t.Lane == lane), row.Count, row.SumMs, ct);
        }

        var overall = await StatsAsync(answered, lanes.Sum(l => l.Count), lanes.Sum(l => l.SumMs), ct);
        var byLane = new ReplyHoursByLane(await LaneAsync(Lane.Standard), await LaneAsync(Lane.Fast));
        return new ReplyTimes(overall.Count, overall.Mean, overall.Median, overall.P90, byLane);
    }

    private static async Task<ReplyHours> StatsAsync(IQueryable<Thread> threads, int count, long sumMs, CancellationToken ct)
    {
        if (count == 0) return ReplyHours.None;
        var ordered = threads.OrderBy(t => t.ReplyMs).Select(t => t.ReplyMs ?? 0);
        // Odd count: the middle value; even count: the two middle values, averaged.
        var middle = await ordered.Skip((count - 1) / 2).Take(2 - count % 2).ToListAsync(ct);
        var p90 = await ordered.Skip(NearestRank(count, 90) - 1).FirstAsync(ct);
        return new ReplyHours(count, sumMs / MsPerHour / count, middle.Average() / MsPerHour, p90 / MsPerHour);
    }

    /// <summary>The nearest-rank percentile's 1-based rank: ⌈p/100 · n⌉, in integers so 0.9·10 is exactly 9.</summary>
    public static int NearestRank(int count, int percent) => (percent * count + 99) / 100;
}
