using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Metrics;

/// <summary>Finds creators by handle the way the ops team types them (any case, with or without @).</summary>
public sealed class CreatorLookup(OpsDbContext db)
{
    public const int MaxSuggestions = 3;

    public Task<Creator?> FindAsync(string handle, CancellationToken ct = default)
    {
        var key = Creator.KeyOf(handle);
        return db.Creators.AsNoTracking().SingleOrDefaultAsync(c => c.HandleKey == key, ct);
    }

    /// <summary>
    /// The handles closest to a mistyped one by edit distance (at most a third of its length, and at
    /// least 2), nearest first. Loads handles only, 10k of them are a few hundred kB.
    /// </summary>
    public async Task<IReadOnlyList<string>> SuggestHandlesAsync(string handle, CancellationToken ct = default)
    {
        var key = Creator.KeyOf(handle);
        var limit = Math.Max(2, key.Length / 3);
        var handles = await db.Creators.Select(c => new { c.Handle, c.HandleKey }).ToListAsync(ct);
        return handles
            .Select(h => (h.Handle, Distance: EditDistance(key, h.HandleKey)))
            .Where(h => h.Distance <= limit)
            .OrderBy(h => h.Distance).ThenBy(h => h.Handle, StringComparer.OrdinalIgnoreCase)
            .Take(MaxSuggestions)
            .Select(h => h.Handle)
            .ToList();
    }

    /// <summary>Levenshtein distance with two rolling rows.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

public static class CreatorHandles
{
    /// <summary>Handles of the given creators; a creator not upserted yet is missing (callers show its id).</summary>
    public static Task<Dictionary<string, string>> HandlesByIdAsync(this OpsDbContext db, List<string> creatorIds, CancellationToken ct) =>
        db.Creators.Where(c => creatorIds.Contains(c.Id)).Select(c => new { c.Id, c.Handle }).ToDictionaryAsync(c => c.Id, c => c.Handle, ct);
}
