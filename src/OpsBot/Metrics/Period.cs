namespace OpsBot.Metrics;

/// <summary>A half-open interval [From, To) of instants.</summary>
public readonly record struct Period(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset t) => t >= From && t < To;
    public TimeSpan Length => To - From;
}
