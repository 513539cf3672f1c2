using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>
/// One referral code: creators who joined with it in the period, those of all its creators with a thread in
/// the last 30×24h, and the period's GMV of all its creators. ReferrerHandle is the code's owner, when known.
/// </summary>
public sealed record ReferralRow(string Code, string? ReferrerHandle, int NewCreators, int ActiveCreators, int ReferredCreators, long GmvMinor);

/// <summary>metrics.md "referral".</summary>
public sealed class ReferralQuery(OpsDbContext db)
{
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// Lists every code that has referred at least one creator who joined at or before T (a code
    /// nobody used yet has nothing to show). Largest GMV first, then by code.
    /// </summary>
    public async Task<IReadOnlyList<ReferralRow>> ForPeriodAsync(Period period, DateTimeOffset asOf, CancellationToken ct = default)
    {
        period = period.EndingBy(asOf);
        var active = Period.Before(asOf, ActiveWindow);
        // One row per referred creator, with two index seeks on (CreatorId, CreatedAt) each.
        var rows = await db.Creators
            .Where(c => c.ReferredByCode != null && c.JoinedAt <= asOf)
            .Select(c => new
            {
                Code = c.ReferredByCode!,
                IsNew = c.JoinedAt >= period.From && c.JoinedAt < period.To,
                IsActive = db.Threads.Any(t => t.CreatorId == c.Id && t.CreatedAt >= active.From && t.CreatedAt < active.To),
                Gmv = db.Threads.Where(t => t.CreatorId == c.Id && t.CreatedAt >= period.From && t.CreatedAt < period.To).Sum(t => t.AmountMinor),
            })
            .GroupBy(c => c.Code)
            .Select(g => new
            {
                Code = g.Key,
                New = g.Count(c => c.IsNew),
                Active = g.Count(c => c.IsActive),
                Referred = g.Count(),
                Gmv = g.Sum(c => c.Gmv),
            })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.Code).ToList();
        var owners = await db.Creators
            .Where(c => c.ReferralCode != null && codes.Contains(c.ReferralCode))
            .Select(c => new { Code = c.ReferralCode!, c.Handle })
            .ToListAsync(ct);
        var ownerOf = owners.GroupBy(o => o.Code).ToDictionary(g => g.Key, g => g.Min(o => o.Handle));
        return rows
            .Select(r => new ReferralRow(r.Code, ownerOf.GetValueOrDefault(r.Code), r.New, r.Active, r.Referred, r.Gmv))
            .OrderByDescending(r => r.GmvMinor).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }
}
