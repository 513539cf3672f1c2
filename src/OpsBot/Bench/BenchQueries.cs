using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Bench;

/// <summary>The queries behind the targets, each asked as of the data set's now.</summary>
internal static class BenchQueries
{
    public static IEnumerable<BenchQuery> For(BenchDataSet data)
    {
        var now = data.Shape.Now;
        yield return new BenchQuery("radar", 50, async (services, ct) =>
        {
            var db = services.GetRequiredService<OpsDbContext>();
            await db.Threads.AsNoTracking()
                .Where(t => t.CreatedAt <= now && (t.ClosedAt == null || t.ClosedAt > now))
                .OrderBy(t => t.DeadlineAt).ThenBy(t => t.Id)
                .ToListAsync(ct);
        }, "open threads only, until RadarQuery is wired");
    }
}
