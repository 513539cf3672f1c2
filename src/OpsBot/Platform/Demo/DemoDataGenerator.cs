namespace OpsBot.Platform.Demo;

/// <summary>
/// A realistic, deterministic platform event history (metrics.md §1) for demos and for seeding an empty
/// store: same options, same bytes. Everything is drawn from one <c>new Random(seed)</c> and "now" is
/// <see cref="DemoDataOptions.AsOf"/>; no clock, no Guid, no shared randomness.
/// </summary>
public static class DemoDataGenerator
{
    /// <summary>Writes the history as NDJSON, streaming: memory grows with creators, not with days or events.</summary>
    public static async Task<DemoDataSummary> WriteAsync(TextWriter output, DemoDataOptions options, CancellationToken ct)
    {
        options.Validate();
        var writer = new NdjsonEventWriter(output);
        foreach (var e in Generate(options)) await writer.WriteAsync(e, ct);
        return await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// Day by day, every creator's fans visit, check out and open threads; each thread's future (reply,
    /// refund, flag) is planned at once on the schedule. Whatever lies before the end of the day just
    /// played is final, because later days only add later events, so it is yielded right away.
    /// </summary>
    internal static IEnumerable<IPlatformEvent> Generate(DemoDataOptions options)
    {
        // Whole seconds throughout, so no event is written past as-of by rounding.
        var asOf = DateTimeOffset.FromUnixTimeSeconds(options.AsOf.ToUnixTimeSeconds());
        var windowStart = asOf - TimeSpan.FromDays(options.Days);
        var rng = new Random(options.Seed);
        var schedule = new EventSchedule(asOf);
        var ids = new DemoIds();
        var creators = DemoCast.Draw(rng, options.Creators, windowStart, asOf);
        foreach (var upsert in creators.SelectMany(c => c.Upserts(options.Currency))) schedule.Add(upsert);

        // About fifty fans per creator, so regulars come back (to the same or another creator).
        var fans = new FanActivity(rng, schedule, ids, new ThreadLife(rng, schedule, ids, asOf), options.Currency, fans: Math.Max(1000, options.Creators * 50));
        for (var day = 0; day < options.Days; day++)
        {
            var dayStart = windowStart + TimeSpan.FromDays(day);
            var dayEnd = dayStart + TimeSpan.FromDays(1);
            var demand = DemoNames.DemandByWeekday[(int)dayStart.DayOfWeek];
            foreach (var creator in creators)
                if (creator.UpsertAt < dayEnd) fans.PlayDay(creator, dayStart, demand);
            foreach (var e in schedule.TakeBefore(dayEnd)) yield return e;
        }
        foreach (var e in schedule.TakeBefore(DateTimeOffset.MaxValue)) yield return e;
    }
}
