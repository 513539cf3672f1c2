using System.Text;
using OpsBot.Chat;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Proposals.Playbooks;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Audit;

public sealed class AuditTopicTests : IAsyncLifetime
{
    private readonly PlaybookHarness store = new();

    /// <summary>Three proposals by hand: P-1 refund of anna's t01, P-2 ban of anna, P-3 checkout stop of bob, each with its audit line.</summary>
    public async Task InitializeAsync()
    {
        var anna = store.Data.Creator("anna");
        store.Data.Creator("bob");
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24, amount: 2999);
        await store.StartAsync();
        foreach (var command in new[] { "/propose refund t01", "/propose ban @anna", "/propose checkout @bob" })
            Assert.StartsWith("Proposed", (await store.Slice.RunAsync(command)).Message.Fallback);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private static TableBlock Table(ChatMessage m) => m.Blocks.OfType<TableBlock>().Single();

    private static string[] CsvLines(ChatMessage m)
    {
        var file = Assert.Single(m.Files);
        Assert.Equal("text/csv", file.ContentType);
        return new UTF8Encoding(true).GetString(file.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Audit_ShowsTheNewestLinesFirst_AndAttachesTheWholeLogAsCsv()
    {
        var message = (await store.Slice.RunAsync("/ops audit")).Message;

        Assert.Equal("Audit log", message.Blocks.OfType<HeaderBlock>().Single().Text);
        var table = Table(message);
        Assert.Equal(["When", "Who", "What", "Subject", "Before → after", "Why"], table.Columns);
        Assert.Equal(["P-3", "P-2", "P-1"], table.Rows.Select(r => r[3]));
        Assert.Equal(["2026-11-20 10:00 +01:00", "Olga Ops", "proposal.created", "P-3", "DisableCheckout open until 2026-11-23T09:00:00.0000000+00:00", "manual"],
            table.Rows[0]);
        Assert.Contains("Newest first · 3 of 3 lines shown · all of them in the attached CSV", MessageText.Of(message));
        var csv = CsvLines(message);
        Assert.Equal("at,actor,actorName,action,subject,proposal,creatorId,threadId,before,after,why", csv[0]);
        Assert.Equal("2026-11-20T09:00:00.000Z,playground:u_ops,Olga Ops,proposal.created,P-1,P-1,c_anna,t01,,Refund open until 2026-11-23T09:00:00.0000000+00:00,manual", csv[1]);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("audit-20261120-0900Z", message.Files[0].Name);
    }

    [Fact]
    public async Task Audit_OfACreator_HasOnlyTheirLines()
    {
        var message = (await store.Slice.RunAsync("/ops audit @Anna")).Message;

        Assert.Equal("Audit log: anna", message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal(["P-2", "P-1"], Table(message).Rows.Select(r => r[3]));
        Assert.Equal(3, CsvLines(message).Length);
        Assert.StartsWith("audit-anna-", message.Files[0].Name);
    }

    [Fact]
    public async Task Audit_OfAProposal_HasOnlyItsLines()
    {
        var message = (await store.Slice.RunAsync("/ops audit p-3")).Message;

        Assert.Equal("Audit log: P-3", message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal(["P-3"], Table(message).Rows.Select(r => r[3]));
        Assert.All(CsvLines(message).Skip(1), line => Assert.Contains(",P-3,c_bob,", line));
    }

    [Theory]
    [InlineData("/ops audit P-99", "There is no proposal P-99.")]
    [InlineData("/ops audit @zed", "I don't know a creator zed.")]
    [InlineData("/ops audit @ana", "I don't know a creator ana. Did you mean anna?")]
    public async Task Audit_OfSomethingUnknown_SaysSo_WithoutAFile(string command, string answer)
    {
        var message = (await store.Slice.RunAsync(command)).Message;

        Assert.Equal(answer, message.Fallback);
        Assert.Empty(message.Files);
    }

    [Fact]
    public async Task Audit_InGerman()
    {
        await using var de = new ChatSlice(store.Data.ConnectionString, store.Now, "de");

        var message = (await de.RunAsync("/ops audit @bob")).Message;

        Assert.Equal("Audit-Log: bob", message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal(["Wann", "Wer", "Was", "Betreff", "Vorher → nachher", "Warum"], Table(message).Columns);
        Assert.Contains("Neueste zuerst · 1 von 1 Einträgen gezeigt", MessageText.Of(message));
    }
}
