using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpsBot.Formatting;
using OpsBot.Metrics;
using OpsBot.Radar;

namespace OpsBot.Cli;

/// <summary><c>opsbot radar</c>: every open thread as of T, nearest deadline first (metrics.md "SLA radar").</summary>
internal static class RadarCommand
{
    public static Command Create(CliContext cli)
    {
        var hours = new Option<double?>("--hours")
        {
            Description = "Flag threads with less than this many hours left as critical (default: OpsBot:WarnHours).",
            HelpName = "H",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0) return value;
                result.AddError($"--hours must be a number of hours greater than 0, such as 12 or 1.5, not '{text}'.");
                return null;
            },
        };
        var creator = new Option<string?>("--creator") { Description = "Only this creator's threads (handle, any case, @ optional).", HelpName = "HANDLE" };
        var asOf = AsOfOption.Create("Show the radar as of this time");
        var format = FormatOption.Create("table", "csv", "json");

        var command = new Command("radar", "Open threads by deadline: overdue, critical, ok, and the money at risk.") { hours, creator, asOf, format };
        command.SetAction((parse, ct) => StoreReader.RunAsync(cli, async services =>
        {
            var opsFormat = services.GetRequiredService<OpsFormat>();
            var request = new RadarRequest(parse.GetValue(asOf)?.In(opsFormat.Zone), parse.GetValue(hours), parse.GetValue(creator));
            var radar = await services.GetRequiredService<RadarQuery>().RunAsync(request, ct);
            if (radar is null) return await UnknownCreator.ReportAsync(cli, services, request.CreatorHandle!, ct);

            switch (parse.GetValue(format))
            {
                case "csv": RadarCsv.Write(cli.Output, radar); break;
                case "json": cli.Output.WriteLine(JsonSerializer.Serialize(radar, MetricsJson.Options)); break;
                default: RadarTable.Write(cli.Output, radar, opsFormat); break;
            }
            return CliApp.Ok;
        }, ct));
        return command;
    }
}
