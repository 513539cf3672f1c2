using System.CommandLine;
using OpsBot.Data;
using OpsBot.Platform;
using Spectre.Console;

namespace OpsBot.Cli;

/// <summary><c>opsbot import FILE.ndjson [--batch-size N]</c>: loads a backfill through the feed's validation and idempotency.</summary>
internal static class ImportCommand
{
    private const int ListedRejections = 50;

    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "NDJSON file: one platform event per line (docs/platform-events.md)." };
        file.AcceptExistingOnly();
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Events per transaction.",
            DefaultValueFactory = _ => EventImporter.DefaultBatchSize,
            CustomParser = result =>
            {
                if (int.TryParse(result.Tokens.Single().Value, out var size) && size >= 1) return size;
                result.AddError("--batch-size must be a whole number of at least 1.");
                return 0;
            },
        };

        var command = new Command("import", "Import platform events from an NDJSON file; exits 1 when any line was rejected.") { file, batchSize };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            using var host = cli.BuildServices();
            await using var scope = host.Services.CreateAsyncScope();
            if (host.Services.GetRequiredService<StoreInfo>().Provider == DatabaseProvider.Sqlite)
                await DataServices.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpsDbContext>(), ct);
            var importer = scope.ServiceProvider.GetRequiredService<EventImporter>();

            using var reader = new StreamReader(path.FullName);
            var summary = IsTerminal(cli)
                ? await ImportWithProgressBarAsync(importer, reader, parse.GetValue(batchSize), ct)
                : await importer.ImportAsync(reader, parse.GetValue(batchSize), null, ct);
            WriteSummary(cli.Output, path.Name, summary);
            return summary.Rejected.Count == 0 ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }

    private static bool IsTerminal(CliContext cli) => ReferenceEquals(cli.Output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>The bar follows the bytes read, so it needs no pass to count lines first.</summary>
    private static Task<ImportSummary> ImportWithProgressBarAsync(EventImporter importer, StreamReader reader, int batchSize, CancellationToken ct) =>
        AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Importing", maxValue: Math.Max(1, reader.BaseStream.Length));
            var linesRead = new Callback<long>(lines =>
            {
                task.Description = $"Importing ({lines:N0} lines)";
                task.Value = reader.BaseStream.Position;
            });
            var summary = await importer.ImportAsync(reader, batchSize, linesRead, ct);
            task.Value = task.MaxValue;
            return summary;
        });

    private static void WriteSummary(TextWriter output, string fileName, ImportSummary summary)
    {
        output.WriteLine($"Imported {fileName}: {summary.Applied} applied, {summary.Duplicates} duplicates, {summary.Rejected.Count} rejected.");
        if (summary.Rejected.Count == 0) return;
        output.WriteLine("Rejected lines:");
        foreach (var r in summary.Rejected.Take(ListedRejections))
            output.WriteLine($"  line {r.Line}{(r.EventId is null ? "" : $" ({r.EventId})")}: {r.Reason}");
        if (summary.Rejected.Count > ListedRejections)
            output.WriteLine($"  … and {summary.Rejected.Count - ListedRejections} more.");
    }

    /// <summary>Reports synchronously on the importer's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
