using OpsBot.Cli;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Cli;

public sealed class StoreReaderTests
{
    [Theory]
    [InlineData("radar")]
    [InlineData("digest", "weekly")]
    [InlineData("creator", "anna")]
    public async Task Read_NoStoreFile_Exits1AndCreatesNothing(params string[] args)
    {
        using var missing = new TestDatabase(migrate: false);

        var run = await CliRun.RunAsync(missing.ConnectionString, "en", args);

        Assert.Equal((CliApp.Failed, ""), (run.Exit, run.Output));
        Assert.StartsWith($"No ops store at {missing.Path}: start the host once", run.Error);
        Assert.False(File.Exists(missing.Path));
    }

    [Fact]
    public async Task Read_StoreWithoutSchema_AsksForMigrate()
    {
        using var database = new TestDatabase(migrate: false);
        await File.WriteAllBytesAsync(database.Path, []);   // an empty file is a valid, empty SQLite database

        var run = await CliRun.RunAsync(database.ConnectionString, "en", "radar");

        Assert.Equal(CliApp.Failed, run.Exit);
        Assert.Contains("is not up to date: run `opsbot migrate`", run.Error);
    }

    [Fact]
    public async Task Read_UnexpectedFailure_OneLineWithoutStackTrace()
    {
        using var database = new TestDatabase(migrate: false);
        await File.WriteAllTextAsync(database.Path, "this is not a database, it only has the name of one");

        var run = await CliRun.RunAsync(database.ConnectionString, "en", "radar");

        Assert.Equal(CliApp.Failed, run.Exit);
        Assert.StartsWith("opsbot radar failed: ", run.Error);
        Assert.Contains("not a database", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
