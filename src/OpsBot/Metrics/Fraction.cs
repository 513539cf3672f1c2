namespace OpsBot.Metrics;

/// <summary>Shares and rates are fractions between 0 and 1; nothing to divide by → null, never 0 or NaN.</summary>
public static class Fraction
{
    public static double? Of(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
