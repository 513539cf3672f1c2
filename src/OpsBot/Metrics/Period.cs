using System.Text.Json.Serialization;

namespace OpsBot.Metrics;

/// <summary>A half-open interval [From, To) of instants.</summary>
public readonly record struct Period(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset t) => t >= From && t < To;

    [JsonIgnore] public TimeSpan Length => To - From;

    /// <summary>The <paramref name="length"/> just before <paramref name="end"/>, e.g. the creator window [T − 30×24h, T).</summary>
    public static Period Before(DateTimeOffset end, TimeSpan length) => new(end - length, end);

    /// <summary>
    /// This period cut off at the as-of time T: facts after T do not exist yet, so a period reaching
    /// past T (month to date, or a caller's own period) only counts what happened before T.
    /// </summary>
    public Period EndingBy(DateTimeOffset asOf) => To <= asOf ? this : new(From, asOf < From ? From : asOf);
}
