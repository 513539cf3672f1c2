using System.Globalization;
using System.Text;
using CsvHelper;

namespace OpsBot.Chat.Rendering;

/// <summary>
/// A table as an RFC 4180 CSV file, the form a cut table travels in. It carries the cells as the table
/// shows them; a feature that wants raw values (minor units, UTC instants) attaches its own file.
/// </summary>
public static class TableCsv
{
    public const string ContentType = "text/csv";

    /// <summary>
    /// CRLF line ends as RFC 4180 says; a cell such as "=HYPERLINK(…)" is escaped so a spreadsheet shows it
    /// instead of running it. One set of options for every CSV OpsBot writes.
    /// </summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape,
    };

    // With a byte order mark, so spreadsheets read umlauts in creator names as UTF-8.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// A file name from the heading above the table ("SLA radar" → <c>sla-radar.csv</c>), plain ASCII so
    /// every platform and spreadsheet takes it, and not one of <paramref name="taken"/>.
    /// </summary>
    public static string FileName(string heading, IReadOnlySet<string> taken)
    {
        // Surrogates go first: a cut emoji would make Normalize throw, and the name keeps only ASCII anyway.
        var words = new string([.. heading.Where(c => !char.IsSurrogate(c))]).Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        var stem = string.Join('-', new string([.. words]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        stem = stem.Length == 0 ? "table" : stem[..Math.Min(stem.Length, 40)].TrimEnd('-');
        var name = $"{stem}.csv";
        for (var n = 2; taken.Contains(name); n++) name = $"{stem}-{n}.csv";
        return name;
    }

    public static ChatFile File(string name, TableBlock table)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(output, Options, leaveOpen: true))
            foreach (var row in table.Rows.Prepend(table.Columns))
            {
                foreach (var cell in row) csv.WriteField(cell);
                csv.EndRecord();
            }
        return Utf8File(name, output.ToString());
    }

    /// <summary>CSV text as an attachment, UTF-8 with a byte order mark.</summary>
    public static ChatFile Utf8File(string name, string csv) => new(name, [.. Utf8.GetPreamble(), .. Utf8.GetBytes(csv)], ContentType);
}
