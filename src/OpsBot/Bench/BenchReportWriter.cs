using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpsBot.Bench;

/// <summary>Prints a <see cref="BenchReport"/> as a terminal table or as JSON (for closing notes and CI).</summary>
public static class BenchReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void WriteJson(BenchReport report, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(report, Json));

    public static void WriteTable(BenchReport report, TextWriter output)
    {
        var m = report.Machine;
        var d = report.DataSet;
        output.WriteLine($"Machine   {m.Cores} cores, {m.Os}, {m.Runtime}, SQLite {m.Sqlite}");
        output.WriteLine($"Data set  {string.Join(", ", d.Rows.Select(r => $"{r.Key} {N(r.Value)}"))}");
        output.WriteLine($"          {N(d.OpenThreadsNow)} open threads now; typical creator {d.TypicalCreator.Handle} " +
                         $"({N(d.TypicalCreator.Threads)} threads), largest {d.LargestCreator.Handle} ({N(d.LargestCreator.Threads)})");
        output.WriteLine($"Built in  {d.BuildTime.TotalSeconds:0.0} s (process peak so far {report.BuildPeakMiB:0} MiB)");
        output.WriteLine();

        string[] header = ["figure", "value", "target", "", "EF p95", "EF max", "bare median", "bare p95"];
        var rows = report.Figures.Select(f => new[]
        {
            f.Name, $"{F(f.Value)} {f.Unit}", $"{f.Comparison} {F(f.Target)} {f.Unit}", f.Met ? "ok" : "MISSED",
            Ms(f.Ef?.P95Ms), Ms(f.Ef?.MaxMs), Ms(f.Bare?.MedianMs), Ms(f.Bare?.P95Ms),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths));

        var notes = report.Figures.Where(f => f.Note is not null).ToList();
        if (notes.Count > 0) output.WriteLine();
        foreach (var f in notes) output.WriteLine($"{f.Name}: {f.Note}{Slowest(f.Slowest)}");
        output.WriteLine();
        output.WriteLine(report.AllMet ? "All targets met." : "Some targets missed.");
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();

    private static string Slowest(SlowestCommand? c) =>
        c is null ? "" : $"; slowest #{c.Number} {F(c.Ms)} ms: {Excerpt(c.Sql)}";

    /// <summary>The statement on one line, cut short: enough to recognise it (--format json has it whole).</summary>
    private static string Excerpt(string sql)
    {
        var line = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 100 ? line : line[..100] + "…";
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString(v >= 100 ? "N0" : "0.0#", CultureInfo.InvariantCulture);

    private static string Ms(double? ms) => ms is { } v ? $"{F(v)} ms" : "";
}
