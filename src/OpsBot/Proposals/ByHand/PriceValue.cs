using System.Globalization;
using OpsBot.Formatting;

namespace OpsBot.Proposals.ByHand;

/// <summary>
/// What follows <c>/propose price @creator</c>: a new standard price in the ops currency (<c>12.50</c>, a point for the
/// decimals, at most the currency's minor unit), or a new fast-lane factor written as the creator card shows it
/// (<c>x1.3</c> or <c>×1.3</c>).
/// </summary>
public sealed record PriceValue(long? PriceMinor, decimal? FastLaneFactor)
{
    private const NumberStyles Decimal = NumberStyles.AllowDecimalPoint;

    /// <returns>null when the text is neither a price nor a factor.</returns>
    public static PriceValue? Parse(string text, string currency)
    {
        var word = text.Trim();
        if (word.Length > 1 && word[0] is 'x' or 'X' or '×')
            return decimal.TryParse(word[1..], Decimal, CultureInfo.InvariantCulture, out var factor) ? new PriceValue(null, factor) : null;
        if (!decimal.TryParse(word, Decimal, CultureInfo.InvariantCulture, out var major)) return null;
        var minor = major * Currencies.MinorPerMajor(Currencies.ExponentOf(currency));
        // "12.505" EUR is not an amount anyone can pay; a price beyond a long is not one either.
        return minor == decimal.Truncate(minor) && minor is > 0 and <= long.MaxValue ? new PriceValue((long)minor, null) : null;
    }
}
