using OpsBot.Data;

namespace OpsBot.Bench;

/// <summary>How one bench creator behaves: price, fast lane, offers and how reliably they answer in time.</summary>
internal sealed record CreatorProfile(int Index, string Id, string Handle, long PriceMinor, decimal FastLaneFactor,
    bool FastLaneEnabled, double OnTimeRate, double OfferShare)
{
    public long AmountFor(Lane lane) => lane == Lane.Fast ? (long)Math.Round(PriceMinor * FastLaneFactor) : PriceMinor;
}

/// <summary>
/// The bench's creators. Volumes follow a Zipf-like curve (a few stars, a long tail), as on the
/// platform; about one in ten struggles to answer in time, so the outlier metrics have work to do.
/// </summary>
internal sealed class BenchCreators
{
    private const double ZipfExponent = 0.8;
    private static readonly long[] Prices = [900, 1500, 1900, 2500, 4900];
    private static readonly TimeSpan JoinWindow = TimeSpan.FromDays(730);

    private readonly double[] cumulativeWeight;

    public BenchCreators(int count, Random rng)
    {
        Profiles = Enumerable.Range(0, count).Select(i => NewProfile(i, rng)).ToArray();
        cumulativeWeight = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++) cumulativeWeight[i] = sum += Math.Pow(i + 1, -ZipfExponent);
    }

    public IReadOnlyList<CreatorProfile> Profiles { get; }

    /// <summary>A creator for the next thread, drawn by volume.</summary>
    public CreatorProfile Pick(Random rng)
    {
        var target = rng.NextDouble() * cumulativeWeight[^1];
        var i = Array.BinarySearch(cumulativeWeight, target);
        return Profiles[Math.Min(i < 0 ? ~i : i, Profiles.Count - 1)];
    }

    /// <summary>Writes the creators: ~20% own a referral code, ~30% were referred by an earlier creator's code.</summary>
    public void Write(PreparedInsert insert, Random rng, DateTimeOffset now)
    {
        var codes = new List<string>();
        foreach (var c in Profiles)
        {
            string? code = rng.NextDouble() < 0.2 ? $"REF{c.Index:D5}" : null;
            string? referredBy = codes.Count > 0 && rng.NextDouble() < 0.3 ? codes[rng.Next(codes.Count)] : null;
            if (code is not null) codes.Add(code);
            var joined = (now - JoinWindow * rng.NextDouble()).ToUnixTimeMilliseconds();
            var status = rng.NextDouble() switch { < 0.95 => CheckoutStatus.Active, < 0.99 => CheckoutStatus.Maintenance, _ => CheckoutStatus.Banned };
            insert.Run(c.Id, c.Handle, Creator.KeyOf(c.Handle), $"Creator {c.Index}", $"{c.Handle}@example.test",
                "Europe/Berlin", c.Index % 3 == 0 ? "en" : "de", c.PriceMinor, "EUR", c.FastLaneFactor,
                c.FastLaneEnabled, status.ToString(), code, referredBy, joined, joined);
        }
    }

    public static readonly string[] Columns =
    [
        "Id", "Handle", "HandleKey", "DisplayName", "Email", "TimeZone", "Locale", "StandardPriceMinor", "Currency",
        "FastLaneFactor", "FastLaneEnabled", "CheckoutStatus", "ReferralCode", "ReferredByCode", "JoinedAt", "UpdatedAt",
    ];

    private static CreatorProfile NewProfile(int i, Random rng)
    {
        var struggling = rng.NextDouble() < 0.1;
        var onTime = struggling ? 0.45 + 0.3 * rng.NextDouble() : Math.Min(0.99, 0.88 + 0.08 * rng.NextDouble());
        return new CreatorProfile(i, $"cr_{i:D5}", $"creator_{i:D5}", Prices[rng.Next(Prices.Length)],
            rng.NextDouble() < 0.5 ? 1.5m : 2m, rng.NextDouble() < 0.7, onTime, 0.3 * rng.NextDouble());
    }
}
