namespace OpsBot.Platform.Demo;

/// <summary>
/// Draws on the one seeded <see cref="Random"/>. Every draw goes through it in a fixed order, which is
/// what makes the same seed give the same history.
/// </summary>
internal static class DemoRandom
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static double Between(this Random rng, double min, double max) => min + rng.NextDouble() * (max - min);

    /// <summary>A whole number of seconds in [min, max]: all demo timestamps are whole seconds.</summary>
    public static TimeSpan Between(this Random rng, TimeSpan min, TimeSpan max) =>
        TimeSpan.FromSeconds((long)min.TotalSeconds + rng.NextInt64((long)(max - min).TotalSeconds + 1));

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Standard normal (Box–Muller).</summary>
    public static double Normal(this Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Exponential with the given mean, in hours.</summary>
    public static double ExponentialHours(this Random rng, double meanHours) => -meanHours * Math.Log(1 - rng.NextDouble());

    /// <summary>Poisson count; Knuth's method is exact and cheap for the small rates used here.</summary>
    public static int Poisson(this Random rng, double mean)
    {
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * rng.Normal()));
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var p = rng.NextDouble(); p > limit; p *= rng.NextDouble()) count++;
        return count;
    }

    /// <summary>Hours as whole seconds, so timestamps stay on the second.</summary>
    public static TimeSpan Hours(double hours) => TimeSpan.FromSeconds((long)Math.Round(hours * 3600));
}
