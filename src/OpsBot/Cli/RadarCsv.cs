using System.Globalization;
using System.Text.Json;
using CsvHelper;
using OpsBot.Metrics;

namespace OpsBot.Cli;

/// <summary>
/// The radar as RFC 4180 CSV for spreadsheets: a header row, then one row per thread with raw values
/// (minor units, milliseconds, UTC instants, the JSON names of flags and lanes), nothing localized.
/// </summary>
internal static class RadarCsv
{
    private static readonly string[] Header =
        ["threadId", "creatorHandle", "lane", "amountMinor", "currency", "createdAt", "deadlineAt", "remainingMs", "flag"];

    // CRLF line ends as RFC 4180 says; a handle such as "=HYPERLINK(…)" is escaped so a spreadsheet
    // shows it instead of running it (numbers, negative remainingMs included, are written as they are).
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape,
    };

    public static void Write(TextWriter output, RadarResult radar)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var name in Header) csv.WriteField(name);
        csv.EndRecord();
        foreach (var t in radar.Threads)
        {
            csv.WriteField(t.ThreadId);
            csv.WriteField(t.CreatorHandle);
            csv.WriteField(Name(t.Lane));
            csv.WriteField(t.AmountMinor);
            csv.WriteField(t.Currency);
            csv.WriteField(Instant(t.CreatedAt));
            csv.WriteField(Instant(t.DeadlineAt));
            csv.WriteField(t.RemainingMs);
            csv.WriteField(Name(t.Flag));
            csv.EndRecord();
        }
    }

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same snake_case name the JSON uses (<c>critical</c>, <c>fast</c>).</summary>
    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
