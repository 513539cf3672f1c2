namespace OpsBot.Bench;

/// <summary>"Now" stays the data set's now, so every run asks the same question however long the bench takes.</summary>
internal sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
