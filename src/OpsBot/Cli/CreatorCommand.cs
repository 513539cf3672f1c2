using System.CommandLine;
using System.Text.Json;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Cli;

/// <summary><c>opsbot creator HANDLE</c>: one creator's card as of T; an unknown handle gets suggestions and exit code 1.</summary>
internal static class CreatorCommand
{
    public static Command Create(CliContext cli)
    {
        var handle = new Argument<string>("HANDLE") { Description = "The creator's handle (any case, @ optional)." };
        var asOf = AsOfOption.Create("Show the card as of this time");
        var format = FormatOption.Create("text", "json");

        var command = new Command("creator", "One creator's card: profile, open threads, 30-day answer rate, reply times and refunds, GMV month to date, referrals, marks.")
        {
            handle, asOf, format,
        };
        command.SetAction((parse, ct) => StoreReader.RunAsync(cli, async services =>
        {
            var opsFormat = services.GetRequiredService<OpsFormat>();
            var name = parse.GetRequiredValue(handle);
            var card = await services.GetRequiredService<CreatorCardQuery>().RunAsync(name, parse.GetValue(asOf)?.In(opsFormat.Zone), ct);
            if (card is null) return await UnknownCreator.ReportAsync(cli, services, name, ct);

            if (parse.GetValue(format) == "json") cli.Output.WriteLine(JsonSerializer.Serialize(card, MetricsJson.Options));
            else CreatorCardText.Write(cli.Output, card, opsFormat);
            return CliApp.Ok;
        }, ct));
        return command;
    }
}
