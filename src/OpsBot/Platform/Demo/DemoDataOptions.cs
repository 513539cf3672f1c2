namespace OpsBot.Platform.Demo;

/// <summary>
/// What to generate: <paramref name="Creators"/> creators over the <paramref name="Days"/> days before
/// <paramref name="AsOf"/>, drawn from <paramref name="Seed"/>. The same options give byte-identical output.
/// </summary>
public sealed record DemoDataOptions(int Creators, int Days, int Seed, DateTimeOffset AsOf, string Currency)
{
    public const int DefaultCreators = 40, DefaultDays = 60, DefaultSeed = 42;
    public const int MaxCreators = 1_000_000, MaxDays = 3650;

    /// <summary>Throws with the offending option named; called before anything is written.</summary>
    public void Validate()
    {
        if (Creators is < 1 or > MaxCreators)
            throw new ArgumentOutOfRangeException(nameof(Creators), Creators, $"Creators must be between 1 and {MaxCreators}.");
        if (Days is < 1 or > MaxDays)
            throw new ArgumentOutOfRangeException(nameof(Days), Days, $"Days must be between 1 and {MaxDays}.");
        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"Currency must be an ISO-4217 code such as EUR, not '{Currency}'.", nameof(Currency));
    }
}
