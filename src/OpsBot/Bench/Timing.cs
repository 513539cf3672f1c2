using System.Diagnostics;

namespace OpsBot.Bench;

/// <summary>Wall-clock figures of repeated runs, in milliseconds.</summary>
public sealed record Timing(double MedianMs, double P95Ms, double MaxMs, int Runs)
{
    /// <summary>
    /// One warm-up run (JIT, EF's query compilation, SQLite's page cache) that is not counted, then
    /// <paramref name="runs"/> timed runs. The median is what a user usually waits; p95 and max show the tail.
    /// </summary>
    public static async Task<Timing> MeasureAsync(Func<Task> run, int runs)
    {
        await run();
        var ms = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await run();
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return Of(ms);
    }

    public static Timing Of(IReadOnlyCollection<double> ms)
    {
        var sorted = ms.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        // Nearest rank, as the metrics use for p90.
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
        return new Timing(median, p95, sorted[^1], sorted.Length);
    }
}
