using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Metrics;

public enum RadarFlag { Overdue, Critical, Ok }

/// <param name="AsOf">T; now from the TimeProvider when null.</param>
/// <param name="WarnHours">Overrides OpsBot:WarnHours for this request.</param>
/// <param name="CreatorHandle">Only this creator's threads (any case, with or without @).</param>
public sealed record RadarRequest(DateTimeOffset? AsOf = null, double? WarnHours = null, string? CreatorHandle = null);

public sealed record RadarThread(
    string ThreadId, string CreatorHandle, Lane Lane, long AmountMinor, string Currency,
    DateTimeOffset CreatedAt, DateTimeOffset DeadlineAt, long RemainingMs, RadarFlag Flag);

public sealed record RadarCounts(int Overdue, int Critical, int Ok);

/// <summary>metrics.md §5 radar JSON; Counts and CreatorHandle are extra.</summary>
public sealed record RadarResult(
    DateTimeOffset AsOf, double WarnHours, string? CreatorHandle, IReadOnlyList<RadarThread> Threads, RadarCounts Counts, long MoneyAtRiskMinor);

/// <summary>metrics.md "SLA radar": every open thread as of T, nearest deadline first.</summary>
public sealed class RadarQuery(OpsDbContext db, IOptions<OpsBotOptions> options, TimeProvider clock, CreatorLookup creators)
{
    /// <returns>null when <see cref="RadarRequest.CreatorHandle"/> names no known creator.</returns>
    public async Task<RadarResult?> RunAsync(RadarRequest request, CancellationToken ct = default)
    {
        var asOf = request.AsOf ?? clock.GetUtcNow();
        var warnHours = request.WarnHours ?? options.Value.WarnHours;
        if (!(warnHours > 0)) throw new ArgumentOutOfRangeException(nameof(request), warnHours, "Warn hours must be greater than 0.");
        Creator? creator = null;
        if (request.CreatorHandle is { } handle && (creator = await creators.FindAsync(handle, ct)) is null) return null;

        // The open threads are the output, so they are read whole and ordered here (see OpenAsOf).
        var rows = await OpenThreadRows(asOf, creator?.Id).ToListAsync(ct);
        rows = [.. rows.OrderBy(r => r.DeadlineAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

        var warnMs = (long)(warnHours * 3_600_000);
        var threads = rows.Select(r =>
        {
            var remainingMs = r.DeadlineAt.ToUnixTimeMilliseconds() - asOf.ToUnixTimeMilliseconds();
            var flag = remainingMs < 0 ? RadarFlag.Overdue : remainingMs < warnMs ? RadarFlag.Critical : RadarFlag.Ok;
            return new RadarThread(r.Id, r.Handle, r.Lane, r.AmountMinor, r.Currency, r.CreatedAt, r.DeadlineAt, remainingMs, flag);
        }).ToList();

        int CountOf(RadarFlag flag) => threads.Count(t => t.Flag == flag);
        return new RadarResult(
            asOf, warnHours, creator?.Handle, threads,
            new RadarCounts(CountOf(RadarFlag.Overdue), CountOf(RadarFlag.Critical), CountOf(RadarFlag.Ok)),
            threads.Where(t => t.Flag != RadarFlag.Ok).Sum(t => t.AmountMinor));
    }

    internal IQueryable<RadarRow> OpenThreadRows(DateTimeOffset asOf, string? creatorId) =>
        from t in db.Threads.OpenAsOf(asOf).OfCreator(creatorId)
        join c in db.Creators on t.CreatorId equals c.Id into cs
        from c in cs.DefaultIfEmpty()
        select new RadarRow(t.Id, c == null ? t.CreatorId : c.Handle, t.Lane, t.AmountMinor, t.Currency, t.CreatedAt, t.DeadlineAt);

    internal sealed record RadarRow(string Id, string Handle, Lane Lane, long AmountMinor, string Currency, DateTimeOffset CreatedAt, DateTimeOffset DeadlineAt);
}
