using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using static OpsBot.Tests.Chat.Rendering.Renderers;

namespace OpsBot.Tests.Chat.Rendering;

public sealed class PlainTextRendererTests
{
    private readonly PlainTextRenderer plain = Plain();

    [Fact]
    public void Table_ColumnsAlignedWithARuleAndHowManyMore()
    {
        var table = new TableBlock(["Creator", "Lane", "Left"], [["anna", "fast", "2h"], ["bob-the-builder", "std", "overdue\n1h"]], 39);

        Assert.Equal(
            """
            Creator          Lane  Left
            ---------------  ----  ----------
            anna             fast  2h
            bob-the-builder  std   overdue 1h
            … and 37 more
            """.ReplaceLineEndings("\n"),
            plain.Table(table));
    }

    [Fact]
    public void Table_RowWithMissingCells_Throws()
    {
        Assert.Throws<ArgumentException>(() => plain.Table(new TableBlock(["a", "b"], [["1"]])));
    }

    [Fact]
    public void Render_EveryBlockKind_AsPlainText()
    {
        var message = new ChatMessage(
            "x",
            new HeaderBlock("anna"),
            new TextBlock(RichText.Format(Text().Culture, "**3** threads open")),
            new FieldsBlock([new ChatField("Price", RichText.Plain("€12.00")), new ChatField("Status", RichText.Plain("active"))]),
            new ImageBlock("gmv.png", [], "GMV per day, this week against last"),
            new ContextBlock(RichText.Plain("as of 09:00")),
            new ButtonsBlock([new("creator.ban:anna", "Ban"), new("creator.note:anna", "Add note")]))
            .WithFiles(new ChatFile("radar.csv", [], TableCsv.ContentType));

        Assert.Equal(
            "anna\n\n3 threads open\n\nPrice: €12.00\nStatus: active\n\n[image: GMV per day, this week against last]\n\n"
            + "as of 09:00\n\n[Ban] [Add note]\n\n[file: radar.csv]",
            plain.Render(message));
    }

    [Fact]
    public void Render_German_TranslatesTheAddedWords()
    {
        var message = new ChatMessage("x", new ImageBlock("gmv.png", [], "GMV pro Tag"), new TableBlock(["a"], [["1"]], 4))
            .WithFiles(new ChatFile("radar.csv", [], TableCsv.ContentType));

        Assert.Equal("[Bild: GMV pro Tag]\n\na\n-\n1\n… und 3 weitere\n\n[Datei: radar.csv]", Plain("de").Render(message));
    }

    [Fact]
    public void Message_FallbackIsTheBlocksAsPlainText()
    {
        MessageBlock[] blocks = [new HeaderBlock("Radar"), new TextBlock(RichText.Plain("2 critical"))];

        var message = plain.Message(blocks);

        Assert.Equal("Radar\n\n2 critical", message.Fallback);
        Assert.Equal(blocks, message.Blocks);
        Assert.Empty(message.Files);
    }
}
