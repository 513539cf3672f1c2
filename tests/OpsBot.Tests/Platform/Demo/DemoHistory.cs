using System.Globalization;
using System.Text.Json;
using OpsBot.Platform.Demo;

namespace OpsBot.Tests.Platform.Demo;

/// <summary>A generated demo history, parsed back from its NDJSON the way any consumer would read it.</summary>
public sealed class DemoHistory
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The default history (40 creators, 60 days, seed 42), shared by the read-only tests.</summary>
    public static readonly Lazy<Task<DemoHistory>> Default = new(() => GenerateAsync(Options()));

    private DemoHistory(string ndjson, DemoDataSummary summary, DateTimeOffset asOf)
    {
        Ndjson = ndjson;
        Summary = summary;
        HistoryAsOf = asOf;
        Lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Events = Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
    }

    public string Ndjson { get; }
    public DemoDataSummary Summary { get; }
    public DateTimeOffset HistoryAsOf { get; }
    public IReadOnlyList<string> Lines { get; }
    public IReadOnlyList<JsonElement> Events { get; }

    public static DemoDataOptions Options(int creators = 40, int days = 60, int seed = 42, DateTimeOffset? asOf = null, string currency = "EUR") =>
        new(creators, days, seed, asOf ?? AsOf, currency);

    public static async Task<DemoHistory> GenerateAsync(DemoDataOptions options)
    {
        var output = new StringWriter();
        var summary = await DemoDataGenerator.WriteAsync(output, options, CancellationToken.None);
        return new DemoHistory(output.ToString(), summary, options.AsOf);
    }

    /// <summary>The <c>data</c> of every event of one type, in file order.</summary>
    public IReadOnlyList<JsonElement> Data(string type) =>
        Events.Where(e => e.GetProperty("type").GetString() == type).Select(e => e.GetProperty("data")).ToArray();

    public static DateTimeOffset Time(JsonElement data, string field) =>
        DateTimeOffset.Parse(data.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);

    public static string Text(JsonElement data, string field) => data.GetProperty(field).GetString()!;

    public static string? Optional(JsonElement data, string field) =>
        data.TryGetProperty(field, out var value) ? value.GetString() : null;
}
