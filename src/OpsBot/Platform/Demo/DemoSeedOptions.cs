namespace OpsBot.Platform.Demo;

/// <summary>Seeding an empty embedded store at start (section <c>Demo</c>).</summary>
public sealed class DemoSeedOptions
{
    public const string Section = "Demo";

    /// <summary>Seed an empty SQLite store when no platform feed is configured. Never touches SQL Server or a store with data.</summary>
    public bool SeedOnStart { get; set; } = true;

    public int Creators { get; set; } = DemoDataOptions.DefaultCreators;
    public int Days { get; set; } = DemoDataOptions.DefaultDays;
    public int Seed { get; set; } = DemoDataOptions.DefaultSeed;
}
