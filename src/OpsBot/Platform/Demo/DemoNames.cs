namespace OpsBot.Platform.Demo;

/// <summary>The fixed vocabularies demo creators and fans are drawn from. Order matters: the seed indexes into them.</summary>
internal static class DemoNames
{
    public static readonly string[] FirstNames =
    [
        "Lena", "Jonas", "Mia", "Felix", "Hannah", "Lukas", "Emma", "Paul", "Sophie", "Leon",
        "Clara", "Maximilian", "Laura", "Noah", "Marie", "Elias", "Olivia", "Ben", "Grace", "Oliver",
        "Amelia", "Jack", "Chloe", "Liam", "Ava", "Ethan", "Zoe", "Samuel", "Nora", "David",
    ];

    public static readonly string[] LastNames =
    [
        "Kraus", "Weber", "Schmidt", "Fischer", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter",
        "Klein", "Wolf", "Neumann", "Brandt", "Vogel", "Smith", "Taylor", "Brown", "Wilson", "Evans",
        "Walker", "Hughes", "Carter", "Murphy", "Bennett", "Parker", "Reid", "Hayes", "Moreau", "Rossi",
    ];

    /// <summary>Repeated entries weight the draw: most creators sit in the DACH region, as on the platform.</summary>
    public static readonly string[] TimeZones =
    [
        "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin",
        "Europe/Vienna", "Europe/Vienna", "Europe/Zurich", "Europe/Zurich", "Europe/London", "Europe/London",
        "America/New_York", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney",
    ];

    public static readonly string[] GermanSpeakingZones = ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich"];

    public static readonly string[] EmailDomains = ["example.com", "example.org", "example.net"];

    /// <summary>Price points in minor units, the way creators set them (9.00 … 99.00).</summary>
    public static readonly long[] PricesMinor = [900, 1200, 1500, 1900, 2500, 2900, 3500, 3900, 4900, 6900, 9900];

    public static readonly decimal[] FastLaneFactors = [1.25m, 1.5m, 1.75m, 2.0m];

    public static readonly int[] OfferDiscounts = [10, 15, 20, 25, 30];

    public static readonly string[] FlagReasons = ["poor_quality", "poor_quality", "off_topic", "too_short", "inappropriate"];

    public static readonly string[] FlagNotes =
    [
        "Answer does not address my question.",
        "Two sentences for the price of a full answer.",
        "Copy-pasted reply, same as my friend got.",
        "Felt rushed, no detail at all.",
    ];

    /// <summary>Fan activity by local hour (0–23): quiet at night, a peak in the evening.</summary>
    public static readonly double[] FanActivityByHour =
    [
        0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0, 1.0,
        1.1, 1.0, 0.9, 0.9, 1.0, 1.2, 1.4, 1.6, 1.7, 1.5, 1.0, 0.6,
    ];

    /// <summary>Demand by day of week (Sunday first): fans ask more at the weekend.</summary>
    public static readonly double[] DemandByWeekday = [1.3, 0.9, 0.95, 1.0, 1.0, 1.05, 1.2];
}
