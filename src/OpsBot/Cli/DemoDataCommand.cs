using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OpsBot.Platform.Demo;

namespace OpsBot.Cli;

/// <summary>
/// <c>opsbot demo-data</c>: writes a deterministic demo event history as NDJSON, to stdout or to a file
/// (then a summary goes to stderr). The currency is the deployment's <c>OpsBot:Currency</c>.
/// </summary>
internal static class DemoDataCommand
{
    public static Command Create(CliContext cli)
    {
        var creators = Positive("--creators", "How many creators.", DemoDataOptions.DefaultCreators, DemoDataOptions.MaxCreators);
        var days = Positive("--days", "How many days of history, ending at --as-of.", DemoDataOptions.DefaultDays, DemoDataOptions.MaxDays);
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and as-of give the same bytes.", DefaultValueFactory = _ => DemoDataOptions.DefaultSeed };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout." };
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "\"Now\" for the history (ISO-8601, e.g. 2026-11-20T08:00:00Z); default: the current time.", CustomParser = ParseTime };

        var command = new Command("demo-data", "Write a realistic, deterministic demo event history as NDJSON.") { creators, days, seed, output, asOf };
        command.SetAction(async (parse, ct) =>
        {
            using var host = cli.BuildServices();
            var options = new DemoDataOptions(parse.GetValue(creators), parse.GetValue(days), parse.GetValue(seed),
                parse.GetValue(asOf) ?? host.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
                host.Services.GetRequiredService<IOptions<OpsBotOptions>>().Value.Currency);
            if (parse.GetValue(output) is not { } file)
            {
                await DemoDataGenerator.WriteAsync(cli.Output, options, ct);
                return CliApp.Ok;
            }
            return await WriteFileAsync(cli, file, options, ct);
        });
        return command;
    }

    /// <summary>Writes next to the target and moves it into place, so a failed or cancelled run leaves no half file (and the old file intact).</summary>
    private static async Task<int> WriteFileAsync(CliContext cli, FileInfo file, DemoDataOptions options, CancellationToken ct)
    {
        var partial = file.FullName + ".partial";
        try
        {
            DemoDataSummary summary;
            await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                summary = await DemoDataGenerator.WriteAsync(writer, options, ct);
            File.Move(partial, file.FullName, overwrite: true);
            cli.Error.WriteLine($"Wrote {file.FullName}: {summary}");
            return CliApp.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cli.Error.WriteLine($"Cannot write {file.FullName}: {e.Message}");
            return CliApp.Failed;
        }
        finally
        {
            // File.Delete throws when the directory is missing, so look first.
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>; anything else is a usage error naming the option.</summary>
    private static Option<int> Positive(string name, string description, int defaultValue, int max) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
            result.AddError($"{name} must be a whole number from 1 to {max}, not '{text}'.");
            return 0;
        },
    };

    private static DateTimeOffset? ParseTime(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        result.AddError($"--as-of must be an ISO-8601 time such as 2026-11-20T08:00:00Z, not '{text}'.");
        return null;
    }
}
