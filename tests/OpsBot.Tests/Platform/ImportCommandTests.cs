using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OpsBot.Cli;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Platform.FeedSamples;

namespace OpsBot.Tests.Platform;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TestDatabase database = new(migrate: false);
    private readonly StringWriter output = new(), error = new();

    public void Dispose() => database.Dispose();

    private string WriteFile(params string[] lines)
    {
        var path = Path.Combine(database.Folder, "events.ndjson");
        File.WriteAllLines(path, lines);
        return path;
    }

    private Task<int> RunAsync(params string[] args) =>
        CliApp.RunAsync(args, output, error, c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:OpsBot"] = database.ConnectionString }));

    [Fact]
    public async Task Import_GoodAndBadLines_StoresTheGoodOnesAndExits1WithLineNumbers()
    {
        var negative = Thread(threadId: "th_2", id: "evt_neg");
        negative["data"]!["amountMinor"] = -1;
        var path = WriteFile(
            Creator().ToJsonString(),
            "",
            Thread().ToJsonString(),
            "{not json",
            negative.ToJsonString(),
            Visit(creatorId: "cr_ghost", id: "evt_ghost").ToJsonString(),
            Reply().ToJsonString());

        var exit = await RunAsync("import", path, "--batch-size", "2");

        Assert.Equal(1, exit);
        var text = output.ToString();
        Assert.Contains("3 applied, 0 duplicates, 3 rejected", text);
        Assert.Contains("line 4: $: not valid JSON", text);
        Assert.Contains("line 5 (evt_neg): data.amountMinor: must not be negative", text);
        Assert.Contains("line 6 (evt_ghost): data.creatorId: unknown creator", text);
        await using var db = database.NewContext();
        Assert.NotNull((await db.Threads.SingleAsync()).FirstReplyAt);
        Assert.Equal(3, await db.ProcessedEvents.CountAsync());
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondRunReportsDuplicatesAndExits0()
    {
        var path = WriteFile(Creator().ToJsonString(), Thread().ToJsonString(), Reply().ToJsonString());
        Assert.Equal(0, await RunAsync("import", path));

        var exit = await RunAsync("import", path);

        Assert.Equal(0, exit);
        Assert.Contains("0 applied, 3 duplicates, 0 rejected", output.ToString());
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Threads.CountAsync());
    }

    [Fact]
    public async Task Import_MissingFile_IsAUsageError()
    {
        Assert.Equal(CliApp.Usage, await RunAsync("import", Path.Combine(database.Folder, "nope.ndjson")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task Import_BadBatchSize_IsAUsageError(string batchSize)
    {
        var path = WriteFile(Creator().ToJsonString());

        Assert.Equal(CliApp.Usage, await RunAsync("import", path, "--batch-size", batchSize));
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task Import_MoreThanFiftyRejections_ListsTheFirstFifty()
    {
        var path = WriteFile([.. Enumerable.Range(1, 60).Select(i => Visit(creatorId: "cr_ghost").ToJsonString())]);

        await RunAsync("import", path);

        var text = output.ToString();
        Assert.Contains("line 50 ", text);
        Assert.DoesNotContain("line 51 ", text);
        Assert.Contains("and 10 more", text);
    }
}
