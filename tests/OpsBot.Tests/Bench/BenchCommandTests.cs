using System.Text.Json;
using Microsoft.Data.Sqlite;
using OpsBot.Bench;
using OpsBot.Cli;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Bench;

public sealed class BenchCommandTests
{
    private static readonly string[] Tiny = ["bench", "--threads", "2000", "--creators", "50", "--runs", "2", "--events", "2000"];

    // Every figure the issue sets a target for; the bench must print each one.
    private static readonly string[] FigureNames = ["radar", "creator card", "creator card (largest)", "weekly digest", "import", "peak memory"];

    [Fact]
    public async Task Bench_TinyDataSet_PrintsEveryFigureAndExitsZero()
    {
        var (code, output, error) = await RunAsync(Tiny);

        Assert.True(code == CliApp.Ok, error);
        foreach (var name in FigureNames) Assert.Contains(Environment.NewLine + name + " ", output);
        Assert.Contains($"{Environment.ProcessorCount} cores", output);
        Assert.Contains("Threads 2,000", output);
        Assert.Contains("bare median", output);
    }

    [Fact]
    public async Task Bench_FormatJson_GivesEachFigureWithItsTarget()
    {
        var (code, output, error) = await RunAsync([.. Tiny, "--format", "json"]);

        Assert.True(code == CliApp.Ok, error);
        using var json = JsonDocument.Parse(output);
        var figures = json.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(FigureNames.Order(), figures.Keys.Order());
        Assert.True(figures["radar"].GetProperty("bare").GetProperty("medianMs").GetDouble() > 0);
        Assert.Equal(2_000, json.RootElement.GetProperty("dataSet").GetProperty("rows").GetProperty("Threads").GetInt64());
    }

    [Fact]
    public async Task Bench_KeepWithDb_LeavesTheBuiltFile()
    {
        using var folder = new TestDatabase(migrate: false);

        var (code, _, error) = await RunAsync([.. Tiny, "--db", folder.Path, "--keep"]);

        Assert.True(code == CliApp.Ok, error);
        Assert.True(File.Exists(folder.Path));
        Assert.True(File.Exists(BenchRunner.ImportPathFor(folder.Path)));
        Assert.Empty(Directory.GetFiles(folder.Folder, "*.ndjson"));
    }

    [Fact]
    public async Task Bench_ImportFileNextToDbExists_ExitsOneBeforeBuilding()
    {
        using var folder = new TestDatabase(migrate: false);
        File.WriteAllText(BenchRunner.ImportPathFor(folder.Path), "");

        var (code, _, error) = await RunAsync([.. Tiny, "--db", folder.Path]);

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("already exists", error);
        Assert.False(File.Exists(folder.Path));
    }

    [Fact]
    public async Task Bench_DbFileExists_ExitsOneAndLeavesItAlone()
    {
        using var existing = new TestDatabase();
        SqliteConnection.ClearAllPools(); // closing the migration's connection checkpoints the WAL into the file
        var before = File.ReadAllBytes(existing.Path);

        var (code, _, error) = await RunAsync([.. Tiny, "--db", existing.Path]);

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("already exists", error);
        Assert.Equal(before, File.ReadAllBytes(existing.Path));
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--creators", "-1")]
    [InlineData("--format", "xml")]
    public async Task Bench_BadArgument_ExitsTwo(string option, string value)
    {
        var (code, _, error) = await RunAsync(["bench", option, value]);

        Assert.Equal(CliApp.Usage, code);
        Assert.True(error.Contains(option.TrimStart('-')) || error.Contains($"'{value}'"), error);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
