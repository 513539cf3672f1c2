using System.Globalization;

namespace OpsBot.Formatting;

/// <summary>What .NET does not know about a currency code by itself: its ISO 4217 minor unit and a symbol.</summary>
internal static class Currencies
{
    // ISO 4217 currencies whose minor unit is not 1/100. Amounts arrive in minor units per ISO 4217, so
    // this table (not a culture's display digits, which differ e.g. for IQD) decides where the point goes.
    private static readonly Dictionary<string, int> Exponents = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0, ["PYG"] = 0,
        ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    };

    /// <summary>The ISO 4217 minor unit: 2 for EUR (cents), 0 for JPY.</summary>
    public static int ExponentOf(string code) => Exponents.GetValueOrDefault(code, 2);

    public static decimal MinorPerMajor(int exponent) => exponent switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };

    /// <summary>The culture's number format with the currency's symbol and minor unit.</summary>
    public static NumberFormatInfo FormatFor(string code, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = SymbolOf(code, culture);
        format.CurrencyDecimalDigits = ExponentOf(code);
        if (format.CurrencySymbol.All(char.IsAsciiLetter))
        {
            // A code reads "CHF 29.99", not "CHF29.99": use the same pattern with a space.
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 1 => 9, 5 => 8, var p => p };
        }
        return format;
    }

    /// <summary>
    /// The symbol regions speaking the ops language write, preferring the currency's home region (ISO
    /// 4217 codes begin with it: USD → en-US "$", CHF → de-CH "CHF"). Where none speaks it, the ISO
    /// code: another script's symbol (ج.م.) would not be read.
    /// </summary>
    private static string SymbolOf(string code, CultureInfo culture)
    {
        var users = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => c.TwoLetterISOLanguageName == culture.TwoLetterISOLanguageName && UsesCurrency(c, code))
            .OrderBy(c => code.Length == 3 && c.Name.EndsWith("-" + code[..2], StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.Ordinal);
        return users.FirstOrDefault()?.NumberFormat.CurrencySymbol ?? code;
    }

    private static bool UsesCurrency(CultureInfo culture, string code)
    {
        try { return new RegionInfo(culture.Name).ISOCurrencySymbol == code; }
        catch (ArgumentException) { return false; }   // a few ICU cultures have no region
    }
}
