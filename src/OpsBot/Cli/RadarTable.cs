using OpsBot.Formatting;
using OpsBot.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OpsBot.Cli;

/// <summary>The radar for a terminal: a summary line, then one row per open thread with money and time left in words.</summary>
internal static class RadarTable
{
    public static void Write(TextWriter output, RadarResult radar, OpsFormat format)
    {
        var console = CliConsole.For(output);
        var scope = radar.CreatorHandle is { } handle ? $" for {handle}" : "";
        console.WriteLine($"SLA radar{scope} as of {format.Time(radar.AsOf)} ({format.Zone.Id}), critical under {format.Hours(radar.WarnHours)} left");
        console.WriteLine($"{radar.Counts.Overdue} overdue, {radar.Counts.Critical} critical, {radar.Counts.Ok} ok; money at risk {format.Money(radar.MoneyAtRiskMinor)}");
        if (radar.Threads.Count == 0)
        {
            console.WriteLine("No open threads.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Flag", "Creator", "Lane", "Amount", "Deadline", "Time left", "Thread");
        table.Columns[3].RightAligned();
        foreach (var t in radar.Threads)
        {
            table.AddRow(
                Flag(t.Flag), new Text(t.CreatorHandle), new Text(t.Lane.ToString().ToLowerInvariant()),
                new Text(format.Money(t.AmountMinor, t.Currency)), new Text(format.Time(t.DeadlineAt)),
                new Text(format.TimeLeft(t.RemainingMs)), new Text(t.ThreadId));
        }
        console.Write(table);
    }

    private static IRenderable Flag(RadarFlag flag) => flag switch
    {
        RadarFlag.Overdue => new Text("overdue", new Style(Color.Red, decoration: Decoration.Bold)),
        RadarFlag.Critical => new Text("critical", new Style(Color.Yellow)),
        _ => new Text("ok", new Style(Color.Green)),
    };
}
