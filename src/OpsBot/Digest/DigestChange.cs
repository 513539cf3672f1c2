using OpsBot.Formatting;

namespace OpsBot.Digest;

/// <summary>
/// A figure this week against the week before: the value, an arrow (↑ up, ↓ down, → unchanged) and the signed
/// change. Rates change in percentage points, money also in percent. The arrow follows the change as shown
/// (rounded), so "→ ±0.0 pp" never sits next to a hidden 0.01.
/// </summary>
public sealed class DigestChange(DigestPhrases phrases)
{
    private OpsFormat Format => phrases.Format;

    public string Money(long now, long before)
    {
        var change = $"{Format.Money(now)} {Arrow(now - before)} {Sign(now - before)}{Format.Money(Math.Abs(now - before))}";
        return before > 0 ? $"{change} ({Sign(now - before)}{Format.Percent(Math.Abs(now - before) / (double)before)})" : change;
    }

    public string Count(long now, long before) => $"{Format.Number(now)} {Arrow(now - before)} {Sign(now - before)}{Format.Number(Math.Abs(now - before))}";

    /// <summary>A rate (fraction) and its change in percentage points.</summary>
    public string Rate(double? now, double? before) => Compare(now, before, Format.Percent, (n, b) =>
    {
        var points = Math.Round((n - b) * 100, 1, MidpointRounding.AwayFromZero);
        return $"{Arrow(points)} {points.ToString("+0.0;−0.0;±0.0", Format.Culture)} {phrases.T["Unit.Points"]}";
    });

    public string Hours(double? now, double? before) => Compare(now, before, Format.Hours, (n, b) =>
    {
        var hours = Math.Round(n - b, 1, MidpointRounding.AwayFromZero);
        return $"{Arrow(hours)} {Sign(hours)}{Format.Hours(Math.Abs(hours))}";
    });

    private string Compare(double? now, double? before, Func<double?, string> show, Func<double, double, string> change) =>
        now is { } n && before is { } b ? $"{show(n)} {change(n, b)}" : phrases.T.Format("Change.NoComparison", show(now), show(before));

    public static string Arrow(double change) => change > 0 ? "↑" : change < 0 ? "↓" : "→";

    private static string Sign(double change) => change > 0 ? "+" : change < 0 ? "−" : "±";
}
