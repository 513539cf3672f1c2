using System.Globalization;
using System.Text.Json;
using CsvHelper;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Metrics;

namespace OpsBot.Radar;

/// <summary>
/// The radar as RFC 4180 CSV for spreadsheets, the one writer behind <c>opsbot radar --format csv</c> and the
/// chat's CSV attachment: a header row, then one row per thread with raw values (minor units, milliseconds,
/// UTC instants, the JSON names of flags and lanes), nothing localized.
/// </summary>
public static class RadarCsv
{
    private static readonly string[] Header =
        ["threadId", "creatorHandle", "lane", "amountMinor", "currency", "createdAt", "deadlineAt", "remainingMs", "flag"];

    public static void Write(TextWriter output, RadarResult radar)
    {
        using var csv = CsvWriter.Create(output, TableCsv.Options, leaveOpen: true);
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

    /// <summary>
    /// The whole radar as an attachment named for its as-of time (and creator), e.g. <c>radar-anna-20261120-0900Z.csv</c>.
    /// UTF-8 with a byte order mark: without it Excel reads a non-ASCII handle as Windows-1252.
    /// </summary>
    public static ChatFile File(RadarResult radar)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, radar);
        var scope = radar.CreatorHandle is { } handle ? $"-{handle}" : "";
        var name = $"radar{scope}-{radar.AsOf.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}Z.csv";
        return TableCsv.Utf8File(name, text.ToString());
    }

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same snake_case name the JSON uses (<c>critical</c>, <c>fast</c>).</summary>
    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
