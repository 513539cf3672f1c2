using OpsBot.Bench;

namespace OpsBot.Tests.Bench;

public sealed class TimingTests
{
    [Fact]
    public void Of_EvenCount_MedianIsMeanOfMiddleTwoAndP95IsNearestRank()
    {
        var ms = Enumerable.Range(1, 20).Select(i => (double)i).Reverse().ToArray();

        var timing = Timing.Of(ms);

        Assert.Equal(10.5, timing.MedianMs);
        Assert.Equal(19, timing.P95Ms);   // ⌈0.95·20⌉ = 19th smallest
        Assert.Equal(20, timing.MaxMs);
        Assert.Equal(20, timing.Runs);
    }

    [Fact]
    public void Of_OddCount_MedianIsMiddleValue()
    {
        var timing = Timing.Of([5.0, 1.0, 3.0]);

        Assert.Equal(3, timing.MedianMs);
        Assert.Equal(5, timing.P95Ms);
    }

    [Fact]
    public async Task MeasureAsync_RunsOnceToWarmUpThenTheRequestedRuns()
    {
        var calls = 0;

        var timing = await Timing.MeasureAsync(() => { calls++; return Task.CompletedTask; }, runs: 7);

        Assert.Equal(8, calls);
        Assert.Equal(7, timing.Runs);
    }
}
