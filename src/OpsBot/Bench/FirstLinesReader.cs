namespace OpsBot.Bench;

/// <summary>
/// At most <paramref name="max"/> lines of a shared reader, leaving the rest for the next reader: the
/// import bench warms up on the first lines of a history and times the lines that follow. Line by
/// line only (all the importer uses).
/// </summary>
internal sealed class FirstLinesReader(TextReader inner, int max) : TextReader
{
    public int LinesRead { get; private set; }

    public override string? ReadLine() => Counted(LinesRead < max ? inner.ReadLine() : null);

    public override async ValueTask<string?> ReadLineAsync(CancellationToken ct) =>
        Counted(LinesRead < max ? await inner.ReadLineAsync(ct) : null);

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    private string? Counted(string? line)
    {
        if (line is not null) LinesRead++;
        return line;
    }
}
