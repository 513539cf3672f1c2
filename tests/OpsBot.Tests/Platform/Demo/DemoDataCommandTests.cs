using Microsoft.Extensions.Configuration;
using OpsBot.Cli;
using static OpsBot.Tests.Platform.Demo.DemoHistory;

namespace OpsBot.Tests.Platform.Demo;

public sealed class DemoDataCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("opsbot-demo-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task DemoData_WithOut_WritesTheGeneratorsBytes_AndASummaryToStderr()
    {
        var path = Path.Combine(directory, "demo.ndjson");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CliApp.RunAsync(["demo-data", "--out", path, "--creators", "12", "--days", "10", "--seed", "7", "--as-of", "2026-11-20T08:00:00Z"], output, error);

        Assert.Equal(CliApp.Ok, exit);
        var expected = await GenerateAsync(Options(creators: 12, days: 10, seed: 7));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected.Ndjson), await File.ReadAllBytesAsync(path));
        Assert.Equal("", output.ToString());
        Assert.Contains($"thread.created {expected.Summary.CountsByType["thread.created"]}", error.ToString());
        Assert.Equal([path], Directory.GetFiles(directory));
    }

    [Fact]
    public async Task DemoData_TwiceWithSameArguments_WritesIdenticalFiles()
    {
        string[] Args(string file) => ["demo-data", "--out", Path.Combine(directory, file), "--creators", "8", "--days", "5", "--as-of", "2026-03-29T01:30:00+01:00"];

        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(Args("a.ndjson"), new StringWriter(), new StringWriter()));
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(Args("b.ndjson"), new StringWriter(), new StringWriter()));

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(directory, "a.ndjson")), await File.ReadAllBytesAsync(Path.Combine(directory, "b.ndjson")));
    }

    [Fact]
    public async Task DemoData_WithoutOut_WritesToStdout_InTheConfiguredCurrency()
    {
        var output = new StringWriter();

        var exit = await CliApp.RunAsync(["demo-data", "--creators", "5", "--days", "3", "--as-of", "2026-11-20T08:00:00Z"], output, new StringWriter(),
            config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["OpsBot:Currency"] = "CHF" }));

        Assert.Equal(CliApp.Ok, exit);
        var expected = await GenerateAsync(Options(creators: 5, days: 3, currency: "CHF"));
        Assert.Equal(expected.Ndjson, output.ToString());
        Assert.Contains("\"currency\":\"CHF\"", output.ToString());
    }

    [Fact]
    public async Task DemoData_WithoutAsOf_EndsAtTheCurrentTime()
    {
        var output = new StringWriter();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var exit = await CliApp.RunAsync(["demo-data", "--creators", "3", "--days", "2"], output, new StringWriter());

        Assert.Equal(CliApp.Ok, exit);
        var last = System.Text.Json.JsonDocument.Parse(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.InRange(Time(last, "occurredAt"), before.AddDays(-2), DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("--creators", "0")]
    [InlineData("--creators", "-3")]
    [InlineData("--creators", "many")]
    [InlineData("--days", "0")]
    [InlineData("--days", "3.5")]
    [InlineData("--days", "9999")]
    [InlineData("--seed", "x")]
    [InlineData("--as-of", "next tuesday")]
    public async Task DemoData_BadNumberOrTime_IsAUsageError_AndWritesNothing(string option, string value)
    {
        var path = Path.Combine(directory, "demo.ndjson");
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["demo-data", "--out", path, option, value], new StringWriter(), error);

        Assert.Equal(CliApp.Usage, exit);
        Assert.Contains(option, error.ToString());
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task DemoData_OutInMissingDirectory_FailsWithAClearMessage()
    {
        var path = Path.Combine(directory, "missing", "demo.ndjson");
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["demo-data", "--out", path, "--creators", "2", "--days", "1"], new StringWriter(), error);

        Assert.Equal(CliApp.Failed, exit);
        Assert.Contains($"Cannot write {path}", error.ToString());
    }
}
