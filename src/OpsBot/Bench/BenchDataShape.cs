namespace OpsBot.Bench;

/// <summary>
/// The size and clock of a bench data set. The same shape (seed, sizes, <see cref="Now"/>) always
/// builds the same rows, so figures from two machines describe the same data.
/// </summary>
public sealed record BenchDataShape(int Threads, int Creators, DateTimeOffset Now, int Seed = 20261124)
{
    /// <summary>Threads are spread evenly over the year before <see cref="Now"/>.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(365);

    public void Validate()
    {
        if (Threads < 1) throw new ArgumentException("The bench needs at least 1 thread.");
        if (Creators < 1) throw new ArgumentException("The bench needs at least 1 creator.");
    }
}

/// <summary>What was built: row counts per table, how long it took, and creators worth asking about.</summary>
public sealed record BenchDataSet(
    BenchDataShape Shape,
    IReadOnlyDictionary<string, long> Rows,
    long OpenThreadsNow,
    TimeSpan BuildTime,
    BenchCreator TypicalCreator,
    BenchCreator LargestCreator);

/// <summary>A creator and how many threads they have in the data set.</summary>
public sealed record BenchCreator(string Handle, int Threads);
