using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpsBot.Cli;
using OpsBot.Data;
using OpsBot.Platform;
using OpsBot.Platform.Demo;

namespace OpsBot.Bench;

/// <summary>
/// Import throughput: a demo history (the platform's own shapes and mix) streamed from an NDJSON file
/// into a second fresh database through the same <see cref="EventImporter"/> as <c>opsbot import</c>,
/// validation and idempotency included.
/// </summary>
internal static class ImportBench
{
    public const double TargetEventsPerSecond = 10_000;

    // The first events warm the importer up (JIT, EF model) and are not counted.
    private const int WarmUpEvents = 1_000;

    // The demo history has about 14 events per creator and day; ask for a little more than needed.
    private const int DemoCreators = 100, DemoEventsPerDayAtLeast = 10 * DemoCreators;

    public static async Task<BenchFigure> MeasureAsync(CliContext cli, string databasePath, int events, DateTimeOffset now, CancellationToken ct)
    {
        var eventsFile = Path.ChangeExtension(databasePath, ".ndjson");
        try
        {
            using var host = BenchStore.BuildServices(cli, databasePath);
            await using var scope = host.Services.CreateAsyncScope();
            await DataServices.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpsDbContext>(), ct);
            var currency = scope.ServiceProvider.GetRequiredService<IOptions<OpsBotOptions>>().Value.Currency;
            await WriteDemoHistoryAsync(eventsFile, WarmUpEvents + events, now, currency, ct);
            var importer = scope.ServiceProvider.GetRequiredService<EventImporter>();

            // The history is in time order, so the timed lines continue the warm-up's history exactly.
            using var file = new StreamReader(eventsFile);
            await importer.ImportAsync(new FirstLinesReader(file, WarmUpEvents), null, ct);
            var timed = new FirstLinesReader(file, events);
            var start = Stopwatch.GetTimestamp();
            var summary = await importer.ImportAsync(timed, null, ct);
            var elapsed = Stopwatch.GetElapsedTime(start);

            return new BenchFigure("import", "events/s", timed.LinesRead / elapsed.TotalSeconds, "≥", TargetEventsPerSecond,
                Note: $"{timed.LinesRead:N0} demo events from NDJSON into a fresh file in {elapsed.TotalSeconds:0.00} s after {WarmUpEvents:N0} " +
                      $"to warm up: {summary.Applied:N0} applied, {summary.Duplicates:N0} duplicates, {summary.Rejected.Count:N0} rejected");
        }
        finally
        {
            File.Delete(eventsFile);
        }
    }

    private static async Task WriteDemoHistoryAsync(string path, int events, DateTimeOffset now, string currency, CancellationToken ct)
    {
        var days = Math.Clamp(events / DemoEventsPerDayAtLeast + 1, 1, DemoDataOptions.MaxDays);
        await using var file = new StreamWriter(path);
        await DemoDataGenerator.WriteAsync(file, new DemoDataOptions(DemoCreators, days, DemoDataOptions.DefaultSeed, now, currency), ct);
    }
}
