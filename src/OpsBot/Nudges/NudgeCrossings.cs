using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using OpsBot.Metrics;

namespace OpsBot.Nudges;

/// <summary>An open thread whose deadline is near.</summary>
public sealed record DueThread(string ThreadId, string CreatorId, long AmountMinor, string Currency, DateTimeOffset DeadlineAt);

/// <summary>
/// What a sweep has to record for one thread: the offset to nudge for (<see cref="Due"/>, null when it was already
/// recorded) and the larger offsets crossed at the same time, which are recorded as superseded and not sent.
/// </summary>
public sealed record Crossing(DueThread Thread, TimeSpan? Due, IReadOnlyList<TimeSpan> Superseded);

/// <summary>Which open threads crossed which offsets, as of now, and not recorded yet.</summary>
public sealed class NudgeCrossings(OpsDbContext db)
{
    public async Task<IReadOnlyList<Crossing>> AsOfAsync(DateTimeOffset now, IReadOnlyList<TimeSpan> offsets, CancellationToken ct)
    {
        var until = now + offsets.Max();
        // Open as the radar counts open (metrics.md §3), with the deadline still ahead and less than the largest offset away.
        var threads = await db.Threads.OpenAsOf(now)
            .Where(t => t.DeadlineAt > now && t.DeadlineAt < until)
            .Select(t => new DueThread(t.Id, t.CreatorId, t.AmountMinor, t.Currency, t.DeadlineAt))
            .ToListAsync(ct);
        var ids = threads.Select(t => t.ThreadId).ToList();
        var recorded = (await db.Nudges.AsNoTracking()
                .Where(n => ids.Contains(n.ThreadId))
                .Select(n => new { n.ThreadId, n.OffsetMinutes })
                .ToListAsync(ct))
            .Select(n => (n.ThreadId, n.OffsetMinutes)).ToHashSet();
        return [.. threads
            .OrderBy(t => t.DeadlineAt).ThenBy(t => t.ThreadId, StringComparer.Ordinal)
            .Select(t => Of(t, offsets, now, o => recorded.Contains((t.ThreadId, (int)o.TotalMinutes))))
            .OfType<Crossing>()];
    }

    /// <summary>
    /// The smallest offset the thread is inside of is the one that matters now; larger ones crossed but never recorded
    /// (OpsBot was down, or an offset was added) are superseded, so a creator never gets a burst of reminders at once.
    /// </summary>
    /// <returns>null when there is nothing new to record.</returns>
    public static Crossing? Of(DueThread thread, IReadOnlyList<TimeSpan> offsets, DateTimeOffset now, Func<TimeSpan, bool> isRecorded)
    {
        var remaining = thread.DeadlineAt - now;
        var crossed = offsets.Where(o => remaining < o).Order().ToList();
        if (crossed.Count == 0) return null;
        var due = isRecorded(crossed[0]) ? (TimeSpan?)null : crossed[0];
        var superseded = crossed.Skip(1).Where(o => !isRecorded(o)).ToList();
        return due is null && superseded.Count == 0 ? null : new Crossing(thread, due, superseded);
    }
}
