using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using static OpsBot.Tests.Chat.Rendering.Renderers;

namespace OpsBot.Tests.Chat.Rendering;

public sealed class MessageFitterTests
{
    private readonly MessageFitter fitter = Fitter();
    private readonly PlainTextRenderer plain = Plain();

    [Fact]
    public void Fit_TableLongerThanASlackSection_KeepsRowsThatFitAndAttachesTheFullTableAsCsv()
    {
        var table = Table(300);
        var message = new ChatMessage("radar", new HeaderBlock("SLA radar"), table);

        var fitted = fitter.Fit(message, MessageLimits.Slack);

        // Every line is 19 characters ("creator-001  €12.00") plus a newline; the header and its rule are two
        // more lines, then "… and N more" (14 characters for three digits) and 8 for the code block:
        // 20·(k + 2) + 14 + 8 ≤ 3000 ⇒ k = 146 rows shown, 154 hidden.
        var cut = Assert.IsType<TableBlock>(fitted.Blocks[1]);
        Assert.Equal(300, cut.TotalRows);
        Assert.Equal(146, cut.Rows.Count);
        Assert.Equal(154, cut.Hidden);
        Assert.Equal(table.Rows.Take(146), cut.Rows);
        Assert.EndsWith("… and 154 more", plain.Table(cut));
        var csv = Assert.Single(fitted.Files);
        Assert.Equal(("sla-radar.csv", TableCsv.ContentType), (csv.Name, csv.ContentType));
        Assert.Equal([["Creator", "Amount"], .. table.Rows.Select(r => r.ToArray())], ReadCsv(csv));
    }

    [Fact]
    public void Fit_TableThatFits_IsKeptWholeWithoutCsv()
    {
        var table = Table(20);

        var fitted = fitter.Fit(new ChatMessage("radar", table), MessageLimits.Slack);

        Assert.Same(table, Assert.Single(fitted.Blocks));
        Assert.Empty(fitted.Files);
    }

    [Fact]
    public void Fit_TableAlreadyCutByItsFeature_AttachesNoCsvOfThePartialRows()
    {
        var table = Table(300) with { TotalRows = 900 };

        var fitted = fitter.Fit(new ChatMessage("radar", table), MessageLimits.Slack);

        Assert.Equal(900, Assert.IsType<TableBlock>(Assert.Single(fitted.Blocks)).TotalRows);
        Assert.Empty(fitted.Files);
    }

    [Fact]
    public void Fit_CsvOfThatNameAlreadyAttached_AttachesNoSecondOne()
    {
        var own = new ChatFile("sla-radar.csv", [1, 2, 3], TableCsv.ContentType);
        var message = new ChatMessage("radar", new HeaderBlock("SLA radar"), Table(300)).WithFiles(own);

        var fitted = fitter.Fit(message, MessageLimits.Slack);

        Assert.Same(own, Assert.Single(fitted.Files));
    }

    [Fact]
    public void Fit_TwoCutTablesUnderOneHeader_GetDistinctFileNames()
    {
        var fitted = fitter.Fit(new ChatMessage("x", new HeaderBlock("Refunds"), Table(300), Table(301)), MessageLimits.Slack);

        Assert.Equal(["refunds.csv", "refunds-2.csv"], fitted.Files.Select(f => f.Name));
        Assert.Equal(302, ReadCsv(fitted.Files[1]).Count);
    }

    [Fact]
    public void Fit_TextLongerThanASection_IsCutAtAWordBoundaryWithEllipsis()
    {
        var text = Words(5000, "deadline");

        var fitted = fitter.Fit(new ChatMessage("x", new TextBlock(RichText.Plain(text))), MessageLimits.Slack);

        var cut = Assert.IsType<TextBlock>(Assert.Single(fitted.Blocks)).Text.ToString();
        Assert.True(cut.Length <= 3000, $"{cut.Length} characters");
        Assert.EndsWith("deadline…", cut);
        Assert.StartsWith(cut[..^1], text);
        // The cut lost at most one word and its space.
        Assert.True(cut.Length > 3000 - "deadline ".Length, $"{cut.Length} characters");
    }

    [Fact]
    public void Fit_DiscordTextAcrossBlocks_StaysWithinTheTotalOf6000()
    {
        var blocks = Enumerable.Range(0, 5).Select(_ => (MessageBlock)new TextBlock(RichText.Plain(Words(2000)))).ToArray();

        var fitted = fitter.Fit(new ChatMessage("x", blocks), MessageLimits.Discord);

        // Two blocks whole (4000), the third cut to what is left after the fold line, the rest folded.
        var texts = fitted.Blocks.OfType<TextBlock>().Select(t => t.Text.ToString()).ToList();
        var fold = Assert.IsType<ContextBlock>(fitted.Blocks[^1]).Text.ToString();
        Assert.Equal("… 2 more sections", fold);
        Assert.Equal(3, texts.Count);
        Assert.Equal([2000, 2000], texts.Take(2).Select(t => t.Length));
        Assert.EndsWith("word…", texts[2]);
        var total = texts.Sum(t => t.Length) + fold.Length;
        Assert.InRange(total, 6000 - "word ".Length, 6000);
    }

    [Fact]
    public void Fit_DiscordEscapes_CountTowardTheLimits()
    {
        // 3500 characters, a quarter of them escaped by the renderer: 4375 after rendering, over 4096.
        var text = string.Concat(Enumerable.Repeat("a*b ", 875));

        var fitted = fitter.Fit(new ChatMessage("x", new TextBlock(RichText.Plain(text))), MessageLimits.Discord);

        var cut = Assert.IsType<TextBlock>(Assert.Single(fitted.Blocks)).Text;
        Assert.InRange(MessageLimits.Discord.Markup.Of(cut), 4096 - 5, 4096);
        Assert.True(cut.ToString().Length < 3500);
    }

    [Fact]
    public void Fit_MoreButtonsThanDiscordAllows_KeepsTheFirst25()
    {
        var rows = Enumerable.Range(0, 3).Select(r =>
            (MessageBlock)new ButtonsBlock([.. Enumerable.Range(0, 10).Select(i => new ChatButton($"test.press:{r}-{i}", $"Press {r}-{i}"))])).ToArray();
        var message = new ChatMessage("x", rows);

        var fitted = fitter.Fit(message, MessageLimits.Discord);

        Assert.Equal(message.Buttons.Take(25), fitted.Buttons);
        Assert.Equal([10, 10, 5], fitted.Blocks.Cast<ButtonsBlock>().Select(b => b.Buttons.Count));
    }

    [Fact]
    public void Fit_MoreButtonsThanASlackActionsBlockHolds_KeepsTheFirst25()
    {
        var message = new ChatMessage("x", new ButtonsBlock([.. Enumerable.Range(0, 30).Select(i => new ChatButton($"test.press:{i}", $"Press {i}"))]));

        var fitted = fitter.Fit(message, MessageLimits.Slack);

        Assert.Equal(message.Buttons.Take(25), fitted.Buttons);
    }

    [Fact]
    public void Fit_LongButtonLabelAndConfirmation_AreCut()
    {
        var button = new ChatButton("proposal.approve:42", Words(200), ButtonStyle.Primary, Words(1000));

        var fitted = Assert.Single(fitter.Fit(new ChatMessage("x", new ButtonsBlock([button])), MessageLimits.Slack).Buttons);

        Assert.InRange(fitted.Label.Length, 70, 75);
        Assert.InRange(fitted.Confirm!.Length, 295, 300);
        Assert.Equal((button.ActionId, button.Style), (fitted.ActionId, fitted.Style));
    }

    [Theory]
    [InlineData("proposal.approve:" + "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345")]
    [InlineData("Proposal.Approve:42")]
    [InlineData("approve")]
    public void Fit_BadActionId_IsAProgrammingErrorAndThrows(string id)
    {
        var message = new ChatMessage("x", new ButtonsBlock([new ChatButton(id, "Approve")]));

        var e = Assert.Throws<ArgumentException>(() => fitter.Fit(message, MessageLimits.Discord));
        Assert.Contains(id, e.Message);
    }

    [Fact]
    public void Fit_TwoButtonsWithOneId_Throws()
    {
        var message = new ChatMessage("x", new ButtonsBlock([new("proposal.approve:42", "Approve")]), new ButtonsBlock([new("proposal.approve:42", "Yes")]));

        Assert.Throws<ArgumentException>(() => fitter.Fit(message, MessageLimits.Slack));
    }

    [Fact]
    public void Fit_MoreBlocksThanSlackAllows_FoldsTheTailIntoOneLineAndKeepsTheClosingButtons()
    {
        var buttons = new ButtonsBlock([new("proposal.approve:42", "Approve")]);
        var message = new ChatMessage("x", [.. Enumerable.Range(1, 60).Select(i => new TextBlock(RichText.Plain($"Section {i}"))), buttons]);

        var fitted = fitter.Fit(message, MessageLimits.Slack);

        Assert.Equal(50, fitted.Blocks.Count);
        Assert.Equal(message.Blocks.Take(48).Select(plain.Render), fitted.Blocks.Take(48).Select(plain.Render));
        Assert.Equal("… 12 more sections", Assert.IsType<ContextBlock>(fitted.Blocks[48]).Text.ToString());
        Assert.Equal(buttons.Buttons, Assert.IsType<ButtonsBlock>(fitted.Blocks[49]).Buttons);
    }

    [Fact]
    public void Fit_FoldedTable_StillTravelsAsCsv()
    {
        var message = new ChatMessage("x", [.. Enumerable.Range(1, 10).Select(i => new TextBlock(RichText.Plain($"Section {i}"))), Table(3)]);

        var fitted = fitter.Fit(message, MessageLimits.Discord);

        Assert.DoesNotContain(fitted.Blocks, b => b is TableBlock);
        Assert.Equal(4, ReadCsv(Assert.Single(fitted.Files)).Count);
    }

    [Fact]
    public void Fit_MoreFieldsThanASlackSectionHolds_ContinueInANextBlock()
    {
        var fields = Enumerable.Range(1, 12).Select(i => new ChatField($"Label {i}", RichText.Plain($"value {i}"))).ToArray();

        var fitted = fitter.Fit(new ChatMessage("x", new FieldsBlock(fields)), MessageLimits.Slack);

        Assert.Equal([10, 2], fitted.Blocks.Cast<FieldsBlock>().Select(b => b.Fields.Count));
        Assert.Equal(fields, fitted.Blocks.Cast<FieldsBlock>().SelectMany(b => b.Fields));
    }

    [Fact]
    public void Fit_LongFallback_IsCutForEachPlatform()
    {
        var message = new ChatMessage(Words(40_000), new TextBlock(RichText.Plain("short")));

        Assert.InRange(fitter.Fit(message, MessageLimits.Slack).Fallback.Length, 2990, 3000);
        Assert.InRange(fitter.Fit(message, MessageLimits.Discord).Fallback.Length, 1990, 2000);
    }

    [Fact]
    public void Fit_GermanFoldLine_IsLocalized()
    {
        var message = new ChatMessage("x", [.. Enumerable.Range(1, 12).Select(i => new TextBlock(RichText.Plain($"Abschnitt {i}")))]);

        var fitted = Fitter("de").Fit(message, MessageLimits.Discord);

        Assert.Equal("… 3 weitere Abschnitte", Assert.IsType<ContextBlock>(fitted.Blocks[^1]).Text.ToString());
    }
}
