using OpsBot.Cli;

namespace OpsBot.Tests.Cli;

public sealed class UsageTests(CliStore store) : IClassFixture<CliStore>
{
    [Theory]
    [InlineData("--format", new[] { "radar", "--format", "xml" })]
    [InlineData("--hours", new[] { "radar", "--hours", "soon" })]
    [InlineData("--hours", new[] { "radar", "--hours", "0" })]
    [InlineData("--hours", new[] { "radar", "--hours=-2" })]
    [InlineData("--as-of", new[] { "radar", "--as-of", "yesterday" })]
    [InlineData("--as-of", new[] { "radar", "--as-of", "11/20/2026" })]
    [InlineData("creator", new[] { "creator" })]
    [InlineData("--format", new[] { "creator", "anna", "--format", "table" })]
    [InlineData("monthly", new[] { "digest", "monthly" })]
    [InlineData("digest", new[] { "digest" })]
    [InlineData("--format", new[] { "digest", "weekly", "--format", "csv" })]
    public async Task BadArguments_Exit2_WithTheReasonAndUsageOnStderr(string named, string[] args)
    {
        var run = await store.RunAsync(args);

        Assert.Equal((CliApp.Usage, ""), (run.Exit, run.Output));
        Assert.Contains(named, run.Error);
        Assert.Contains($"Usage:", run.Error);
        Assert.Contains($"{args[0]} ", run.Error[run.Error.IndexOf("Usage:", StringComparison.Ordinal)..]);
    }

    [Theory]
    [InlineData("2026-03-29T02:30", "does not exist in Europe/Berlin")]   // skipped when the clocks go forward
    [InlineData("2026-10-25T02:30", "happens twice in Europe/Berlin")]     // repeated when they go back
    public async Task AsOf_LocalTimeAClockChangeSkipsOrRepeats_IsAUsageError(string asOf, string reason)
    {
        var run = await store.RunAsync("digest", "daily", "--as-of", asOf);

        Assert.Equal((CliApp.Usage, ""), (run.Exit, run.Output));
        Assert.Contains(reason, run.Error);
        Assert.Contains("Usage:", run.Error);
    }

    [Fact]
    public async Task AsOf_Help_SaysATimeWithoutOffsetIsInTheOpsTimeZone()
    {
        var run = await store.RunAsync("radar", "--help");

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Contains("without an offset", run.Output);
        Assert.Contains("ops time zone", run.Output);
    }
}
