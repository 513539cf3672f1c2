using System.Globalization;
using OpsBot.Platform.Demo;

namespace OpsBot.Tests.Platform.Demo;

public sealed class DemoDataDeterminismTests
{
    [Fact]
    public async Task Generate_SameOptionsTwice_GivesIdenticalOutput()
    {
        var first = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 15, days: 20, seed: 9));
        var second = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 15, days: 20, seed: 9));

        Assert.Equal(first.Ndjson, second.Ndjson, StringComparer.Ordinal);
        Assert.Equal(first.Summary.CountsByType, second.Summary.CountsByType);
    }

    [Fact]
    public async Task Generate_DifferentSeed_GivesDifferentOutput()
    {
        var a = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 15, days: 20, seed: 9));
        var b = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 15, days: 20, seed: 10));

        Assert.NotEqual(a.Ndjson, b.Ndjson);
    }

    [Fact]
    public async Task Generate_DifferentAsOf_EndsAtThatTime()
    {
        var later = DemoHistory.AsOf.AddDays(3);
        var a = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 10, days: 10));
        var b = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 10, days: 10, asOf: later));

        Assert.NotEqual(a.Ndjson, b.Ndjson);
        Assert.True(DemoHistory.Time(b.Events[^1], "occurredAt") > DemoHistory.AsOf);
    }

    [Fact]
    public async Task Generate_UnderGermanCulture_GivesTheSameBytes()
    {
        var invariant = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 12, days: 15));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 12, days: 15));
            Assert.Equal(invariant.Ndjson, german.Ndjson, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task WriteAsync_LargeHistory_StreamsBeforeGenerationEnds()
    {
        // 10,000 creators over a year is tens of millions of events: output must start long before the end.
        using var cancel = new CancellationTokenSource();
        var output = new FirstChunkWriter(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DemoDataGenerator.WriteAsync(output, DemoHistory.Options(creators: 10_000, days: 365), cancel.Token));

        Assert.InRange(output.ToString().Length, 1, 256 * 1024);
        Assert.StartsWith("{\"id\":\"evt_000001\"", output.ToString());
    }

    [Theory]
    [InlineData(0, 60, "EUR")]
    [InlineData(40, 0, "EUR")]
    [InlineData(40, -1, "EUR")]
    [InlineData(40, 60, "eur")]
    [InlineData(40, 60, "EURO")]
    public async Task WriteAsync_InvalidOptions_ThrowsAndWritesNothing(int creators, int days, string currency)
    {
        var output = new StringWriter();

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            DemoDataGenerator.WriteAsync(output, DemoHistory.Options(creators, days, currency: currency), CancellationToken.None));

        Assert.Equal("", output.ToString());
    }

    /// <summary>Cancels the run as soon as the first chunk arrives.</summary>
    private sealed class FirstChunkWriter(CancellationTokenSource cancel) : StringWriter
    {
        public override Task WriteAsync(System.Text.StringBuilder? value, CancellationToken ct = default)
        {
            cancel.Cancel();
            return base.WriteAsync(value, CancellationToken.None);
        }
    }
}
