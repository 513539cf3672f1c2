using OpsBot.Bench;

namespace OpsBot.Tests.Bench;

public sealed class FirstLinesReaderTests
{
    [Fact]
    public async Task ReadLineAsync_StopsAtMaxAndLeavesTheRestForTheNextReader()
    {
        var shared = new StringReader("a\nb\nc\nd\n");
        var first = new FirstLinesReader(shared, 3);

        Assert.Equal("a", await first.ReadLineAsync(CancellationToken.None));
        Assert.Equal("b", await first.ReadLineAsync(CancellationToken.None));
        Assert.Equal("c", await first.ReadLineAsync(CancellationToken.None));
        Assert.Null(await first.ReadLineAsync(CancellationToken.None));
        Assert.Equal(3, first.LinesRead);

        var rest = new FirstLinesReader(shared, 10);
        Assert.Equal("d", await rest.ReadLineAsync(CancellationToken.None));
        Assert.Null(await rest.ReadLineAsync(CancellationToken.None));
        Assert.Equal(1, rest.LinesRead);
    }
}
