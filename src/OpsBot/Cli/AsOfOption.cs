using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace OpsBot.Cli;

/// <summary>
/// <c>--as-of</c>, shared by every command: ISO-8601 with an offset or <c>Z</c> is that instant; without
/// an offset it is a wall-clock time in the ops time zone (<c>OpsBot:TimeZone</c>), which is only known
/// once the configuration is read, hence <see cref="AsOfTime.In"/>.
/// </summary>
public static class AsOfOption
{
    public const string Syntax =
        "ISO-8601 with offset or Z (2026-11-20T08:00:00Z, 2026-11-20T09:00+01:00); without an offset " +
        "(2026-11-20T09:00, 2026-11-20) the time is read in the ops time zone (OpsBot:TimeZone)";

    // Strict ISO-8601 shapes only: "11/12/2026" would mean different days to different readers.
    private static readonly string[] Formats =
        [.. from time in new[] { "", "'T'HH:mm", "'T'HH:mm:ss", "'T'HH:mm:ss.FFFFFFF", " HH:mm", " HH:mm:ss" }
            from zone in new[] { "", "K" }
            select "yyyy-MM-dd" + time + zone];

    /// <param name="meaning">What "now" is for this command, e.g. "Answer as of this time".</param>
    public static Option<AsOfTime?> Create(string meaning) => new("--as-of")
    {
        Description = $"{meaning}: {Syntax}. Default: the current time.",
        HelpName = "TIME",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Parse(text) is { } time) return time;
            result.AddError($"--as-of must be an ISO-8601 time such as 2026-11-20T08:00:00Z, not '{text}'.");
            return null;
        },
    };

    public static AsOfTime? Parse(string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (!DateTime.TryParseExact(text, Formats, invariant, DateTimeStyles.RoundtripKind, out var parsed)) return null;
        return parsed.Kind == DateTimeKind.Unspecified
            ? new AsOfTime(text, null, parsed)
            : new AsOfTime(text, DateTimeOffset.ParseExact(text, Formats, invariant), parsed);
    }
}

/// <summary>A parsed <c>--as-of</c>: an exact instant, or a wall-clock time still to be placed in the ops time zone.</summary>
public sealed record AsOfTime(string Text, DateTimeOffset? Instant, DateTime WallClock)
{
    /// <exception cref="CliUsageException">The wall-clock time is skipped or repeated by a clock change in <paramref name="zone"/>.</exception>
    public DateTimeOffset In(TimeZoneInfo zone)
    {
        // Metrics output writes instants in UTC (MetricsJson), so T is handed on in UTC too.
        if (Instant is { } instant) return instant.ToUniversalTime();
        if (zone.IsInvalidTime(WallClock))
            throw new CliUsageException($"--as-of {Text} does not exist in {zone.Id} (the clocks skip it): give an offset.");
        if (zone.IsAmbiguousTime(WallClock))
            throw new CliUsageException($"--as-of {Text} happens twice in {zone.Id} (the clocks go back): give an offset.");
        return new DateTimeOffset(WallClock, zone.GetUtcOffset(WallClock)).ToUniversalTime();
    }
}
