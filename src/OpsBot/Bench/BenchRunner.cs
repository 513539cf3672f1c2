using Microsoft.Data.Sqlite;
using OpsBot.Cli;

namespace OpsBot.Bench;

/// <summary>What <c>opsbot bench</c> was asked for.</summary>
public sealed record BenchOptions(int Threads, int Creators, string? DatabasePath, bool Keep, int Runs, int ImportEvents);

/// <summary>
/// Builds the data set, times every query (through EF and bare), the import and the peak memory,
/// and returns the report. Progress goes to the error stream so <c>--format json</c> stays clean.
/// </summary>
public sealed class BenchRunner(BenchOptions options, CliContext cli, TimeProvider clock)
{
    public const double PeakMemoryTargetMiB = 300;

    public async Task<BenchReport> RunAsync(CancellationToken ct)
    {
        var folder = options.DatabasePath is null ? Directory.CreateTempSubdirectory("opsbot-bench-").FullName : null;
        var path = Path.GetFullPath(options.DatabasePath ?? Path.Combine(folder!, "bench.db"));
        var importPath = ImportPathFor(path);
        try
        {
            // Whole milliseconds, as the store keeps instants.
            var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
            cli.Error.WriteLine($"Building {options.Threads:N0} threads for {options.Creators:N0} creators in {path} ...");
            var data = await BenchDataBuilder.BuildAsync(path, new BenchDataShape(options.Threads, options.Creators, now), ct);
            var buildPeak = PeakMemory.ReadMiB();
            var peakCoversQueriesOnly = PeakMemory.TryReset();

            var figures = new List<BenchFigure>();
            string sqliteVersion;
            await using (var session = new BenchSession(cli, path))
            {
                sqliteVersion = session.SqliteVersion;
                foreach (var query in BenchQueries.For(data))
                {
                    cli.Error.WriteLine($"Timing {query.Name} ...");
                    figures.Add(await session.MeasureAsync(query, options.Runs, ct));
                }
            }
            cli.Error.WriteLine($"Importing {options.ImportEvents:N0} demo events into {importPath} ...");
            figures.Add(await ImportBench.MeasureAsync(cli, importPath, options.ImportEvents, now, ct));
            figures.Add(new BenchFigure("peak memory", "MiB", PeakMemory.ReadMiB(), "≤", PeakMemoryTargetMiB,
                Note: peakCoversQueriesOnly ? "process peak working set while timing (after the build)" : "process peak working set, build included"));
            return new BenchReport(BenchMachine.Current(sqliteVersion), data, buildPeak, figures);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Keep) cli.Error.WriteLine($"Kept {path} and {importPath}");
            else Delete([path, importPath], folder);
        }
    }

    /// <summary>The import figure loads into its own fresh file next to the data set.</summary>
    public static string ImportPathFor(string databasePath) => Path.ChangeExtension(databasePath, ".import.db");

    private static void Delete(string[] databases, string? folder)
    {
        foreach (var file in databases.SelectMany(d => new[] { d, d + "-wal", d + "-shm" })) File.Delete(file);
        if (folder is not null) Directory.Delete(folder, recursive: true);
    }
}
