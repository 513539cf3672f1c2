using OpsBot.Metrics;

namespace OpsBot.Bench;

/// <summary>
/// The queries behind the targets, resolved from DI exactly as the CLI and chat commands use
/// them, each asked as of the data set's now.
/// </summary>
internal static class BenchQueries
{
    public static IEnumerable<BenchQuery> For(BenchDataSet data)
    {
        var now = data.Shape.Now;
        yield return new BenchQuery("radar", 50,
            (services, ct) => services.GetRequiredService<RadarQuery>().RunAsync(new RadarRequest(AsOf: now), ct),
            $"all {data.OpenThreadsNow:N0} open threads");
        yield return Card("creator card", data.TypicalCreator, now);
        yield return Card("creator card (largest)", data.LargestCreator, now);
        yield return new BenchQuery("weekly digest", 2_000,
            (services, ct) => services.GetRequiredService<DigestQuery>().RunAsync(DigestKind.Weekly, now, ct),
            "every metric of the weekly digest");
    }

    private static BenchQuery Card(string name, BenchCreator creator, DateTimeOffset now) =>
        new(name, 50,
            (services, ct) => services.GetRequiredService<CreatorCardQuery>().RunAsync(creator.Handle, now, ct),
            $"{creator.Handle}, {creator.Threads:N0} threads");
}
