using System.CommandLine;
using OpsBot.Bench;

namespace OpsBot.Cli;

/// <summary>
/// <c>opsbot bench</c>: builds a data set of the size in a fresh SQLite file and prints each
/// figure against its target, with the same SQL run bare beside every query. A missed target is
/// reported, not an error: the figures depend on the machine, so the exit code says only whether the bench ran.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext cli)
    {
        var threads = AtLeastOne(new Option<int>("--threads") { Description = "Threads in the data set.", DefaultValueFactory = _ => 1_000_000 });
        var creators = AtLeastOne(new Option<int>("--creators") { Description = "Creators in the data set.", DefaultValueFactory = _ => 10_000 });
        var runs = AtLeastOne(new Option<int>("--runs") { Description = "Timed runs per query (after one warm-up).", DefaultValueFactory = _ => 20 });
        var events = AtLeastOne(new Option<int>("--events") { Description = "Demo events to import for the import figure.", DefaultValueFactory = _ => 50_000 });
        var db = new Option<FileInfo?>("--db") { Description = "Build the data set in this file (must not exist) instead of a temp file." };
        var keep = new Option<bool>("--keep") { Description = "Keep the database file(s) afterwards." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("bench", "Build a large data set and time radar, creator card, weekly digest, import and memory against their targets.")
        {
            threads, creators, runs, events, db, keep, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new BenchOptions(parse.GetValue(threads), parse.GetValue(creators), parse.GetValue(db)?.FullName, parse.GetValue(keep), parse.GetValue(runs),
                parse.GetValue(events));
            if (options.DatabasePath is { } path && new[] { path, BenchRunner.ImportPathFor(path) }.FirstOrDefault(File.Exists) is { } existing)
            {
                cli.Error.WriteLine($"{existing} already exists; the bench builds fresh databases. Pick a new --db path or delete it.");
                return CliApp.Failed;
            }
            var report = await new BenchRunner(options, cli, TimeProvider.System).RunAsync(ct);
            if (parse.GetValue(format) == "json") BenchReportWriter.WriteJson(report, cli.Output);
            else BenchReportWriter.WriteTable(report, cli.Output);
            return CliApp.Ok;
        });
        return command;
    }

    private static Option<int> AtLeastOne(Option<int> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError($"{option.Name} must be at least 1.");
        });
        return option;
    }
}
