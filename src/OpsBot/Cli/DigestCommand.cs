using System.CommandLine;
using System.Text.Json;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Cli;

/// <summary><c>opsbot digest daily|weekly</c>: every metric for yesterday or the 7 days before today, as of T.</summary>
internal static class DigestCommand
{
    public static Command Create(CliContext cli)
    {
        var kind = new Argument<string>("KIND") { Description = "daily (yesterday) or weekly (the 7 days before today), in the ops time zone." };
        kind.AcceptOnlyFromAmong("daily", "weekly");
        var asOf = AsOfOption.Create("Compute the digest as of this time");
        var format = FormatOption.Create("text", "json");

        var command = new Command("digest", "SLA, GMV, refunds, funnel, referral and outliers for a day or a week.") { kind, asOf, format };
        command.SetAction((parse, ct) => StoreReader.RunAsync(cli, async services =>
        {
            var opsFormat = services.GetRequiredService<OpsFormat>();
            var digestKind = parse.GetRequiredValue(kind) == "weekly" ? DigestKind.Weekly : DigestKind.Daily;
            var digest = await services.GetRequiredService<DigestQuery>().RunAsync(digestKind, parse.GetValue(asOf)?.In(opsFormat.Zone), ct);

            if (parse.GetValue(format) == "json") cli.Output.WriteLine(JsonSerializer.Serialize(digest, MetricsJson.Options));
            else DigestText.Write(cli.Output, digestKind, digest, opsFormat);
            return CliApp.Ok;
        }, ct));
        return command;
    }
}
