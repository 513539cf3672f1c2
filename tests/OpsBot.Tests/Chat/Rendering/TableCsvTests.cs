using System.Text;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using static OpsBot.Tests.Chat.Rendering.Renderers;

namespace OpsBot.Tests.Chat.Rendering;

public sealed class TableCsvTests
{
    [Fact]
    public void File_QuotesAsRfc4180WithCrlfAndEscapesFormulas()
    {
        var table = new TableBlock(["Creator", "Note"], [["anna", "said \"hi\", then left"], ["=HYPERLINK(\"x\")", "two\nlines"]]);

        var file = TableCsv.File("notes.csv", table);

        var text = Encoding.UTF8.GetString(file.Content);
        Assert.Equal('\uFEFF', text[0]);
        Assert.Equal("Creator,Note\r\nanna,\"said \"\"hi\"\", then left\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"two\nlines\"\r\n", text[1..]);
        Assert.Equal(("notes.csv", "text/csv"), (file.Name, file.ContentType));
    }

    [Fact]
    public void File_ReadsBackAsTheSameCells()
    {
        var table = new TableBlock(["Creator", "Übersicht"], [["jürgen", "a,b"], ["zoë", "\"q\""]]);

        Assert.Equal([["Creator", "Übersicht"], ["jürgen", "a,b"], ["zoë", "\"q\""]], ReadCsv(TableCsv.File("t.csv", table)));
    }

    [Theory]
    [InlineData("SLA radar", "sla-radar.csv")]
    [InlineData("Rückerstattungen: März", "ruckerstattungen-marz.csv")]
    [InlineData("", "table.csv")]
    [InlineData("🔥🔥", "table.csv")]
    public void FileName_FromTheHeading(string heading, string name) => Assert.Equal(name, TableCsv.FileName(heading, new HashSet<string>()));

    [Fact]
    public void FileName_Taken_GetsANumber()
    {
        Assert.Equal("radar-3.csv", TableCsv.FileName("Radar", new HashSet<string> { "radar.csv", "radar-2.csv" }));
    }
}
