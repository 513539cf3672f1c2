using CsvHelper;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Formatting;

namespace OpsBot.Tests.Chat.Rendering;

/// <summary>The renderer and fitter as the host builds them, in one culture, and small message builders.</summary>
internal static class Renderers
{
    public static OpsText Text(string culture = "en") => new(new OpsFormat(new OpsBotOptions { Culture = culture }));

    public static PlainTextRenderer Plain(string culture = "en") => new(Text(culture));

    public static MessageFitter Fitter(string culture = "en") => new(Plain(culture), Text(culture));

    /// <summary>"word word word …" of exactly <paramref name="length"/> characters.</summary>
    public static string Words(int length, string word = "word") =>
        string.Concat(Enumerable.Repeat(word + " ", length / (word.Length + 1) + 1))[..length];

    public static TableBlock Table(int rows) =>
        new(["Creator", "Amount"], [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"creator-{i:000}", "€12.00"])]);

    public static List<string[]> ReadCsv(ChatFile file)
    {
        using var reader = CsvReader.Create(file.Content, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return rows;
    }
}
