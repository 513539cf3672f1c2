namespace OpsBot.Metrics;

/// <summary>Creator-level judgements (outliers, high refund rate, the creator card) look at [T − 30×24h, T), whatever the digest period.</summary>
public static class CreatorWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(30 * 24);

    public static Period Of(DateTimeOffset asOf) => Period.Before(asOf, Length);
}
