namespace OpsBot.Platform.Demo;

/// <summary>How many events of each type a demo history holds, in the contract's order of types.</summary>
public sealed record DemoDataSummary(IReadOnlyDictionary<string, long> CountsByType)
{
    public long Total => CountsByType.Values.Sum();

    public override string ToString() =>
        $"{Total} events: " + string.Join(", ", CountsByType.Select(c => $"{c.Key} {c.Value}"));
}
