using System.Text.Json.Nodes;
using OpsBot.Chat;
using OpsBot.Tests.Chat.Rendering;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

public sealed class SlackRendererTests
{
    internal static SlackRenderer Renderer(string culture = "en") => new(Renderers.Text(culture), Renderers.Plain(culture));

    private static JsonObject Only(MessageBlock block, IReadOnlyDictionary<string, string>? imageFileIds = null)
    {
        var payload = Renderer().Render(new ChatMessage("fallback", block), imageFileIds);
        Assert.Empty(BlockKitRules.Problems(payload));
        return Assert.Single(payload.Blocks!)!.AsObject();
    }

    private static string Text(JsonNode? node) => (string)node!["text"]!;

    [Fact]
    public void Render_Header_IsPlainTextLeftAsItIs()
    {
        var block = Only(new HeaderBlock("Card: <@U1> & *boss*"));

        Assert.Equal("header", (string?)block["type"]);
        Assert.Equal("plain_text", (string?)block["text"]!["type"]);
        Assert.Equal("Card: <@U1> & *boss*", Text(block["text"]));
    }

    [Fact]
    public void Render_Text_IsAVerbatimMrkdwnSection()
    {
        var block = Only(new TextBlock(RichText.Format(Renderers.Text().Culture, "**{0}** wrote <b>", "<!channel>")));

        Assert.Equal("section", (string?)block["type"]);
        Assert.Equal("mrkdwn", (string?)block["text"]!["type"]);
        Assert.True((bool)block["text"]!["verbatim"]!);
        Assert.Equal("*&lt;!channel&gt;* wrote &lt;b&gt;", Text(block["text"]));
    }

    [Fact]
    public void Render_Fields_AreBoldLabelsOverValues()
    {
        var block = Only(new FieldsBlock([new("GMV", RichText.Plain("€60.00")), new("<@U1> *x*", RichText.Bold("a&b"))]));

        Assert.Equal(["*GMV*\n€60.00", "*&lt;@U1&gt; \u2217x\u2217*\n*a&amp;b*"], block["fields"]!.AsArray().Select(Text));
        Assert.Null(block["text"]);
    }

    [Fact]
    public void Render_Table_IsAnAlignedCodeBlockWithTheHiddenRowsCounted()
    {
        var table = new TableBlock(["Creator", "Amount"], [["anna", "€29.99"], ["<!channel>", "`1`"]], TotalRows: 5);

        var text = Text(Only(table)["text"]);

        Assert.Equal("```\nCreator     Amount\n----------  ------\nanna        €29.99\n&lt;!channel&gt;  \u02CB1\u02CB\n```\n… and 3 more", text);
    }

    [Fact]
    public void Render_CompleteTable_HasNoMoreLine()
    {
        Assert.EndsWith("\nanna     1\n```", Text(Only(new TableBlock(["Creator", "N"], [["anna", "1"]]))["text"]));
    }

    [Fact]
    public void Render_Context_IsOneMrkdwnElement()
    {
        var elements = Only(new ContextBlock(RichText.Format(Renderers.Text().Culture, "As of {0}", new TimeValue(DateTimeOffset.UnixEpoch, "then")))) ["elements"]!.AsArray();

        var element = Assert.Single(elements)!;
        Assert.Equal("mrkdwn", (string?)element["type"]);
        Assert.Equal("As of <!date^0^{date_short_pretty} {time}|then>", Text(element));
    }

    [Fact]
    public void Render_ImageWithFileId_IsAnImageBlockOfThatSlackFile()
    {
        var block = Only(new ImageBlock("gmv.png", [1], "GMV <rising> & *up*"), new Dictionary<string, string> { ["gmv.png"] = "F0123" });

        Assert.Equal("image", (string?)block["type"]);
        Assert.Equal("F0123", (string?)block["slack_file"]!["id"]);
        Assert.Equal("GMV <rising> & *up*", (string?)block["alt_text"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_ImageWithoutFileId_IsAContextLineWithTheAltText(bool otherIds)
    {
        var ids = otherIds ? new Dictionary<string, string> { ["other.png"] = "F1" } : null;

        var block = Only(new ImageBlock("gmv.png", [1], "GMV <rising> & *up*"), ids);

        Assert.Equal("context", (string?)block["type"]);
        Assert.Equal("[image: GMV &lt;rising&gt; &amp; \u2217up\u2217]", Text(block["elements"]![0]));
    }

    [Fact]
    public void Render_Buttons_CarryTheActionIdStyleAndLabel()
    {
        var block = Only(new ButtonsBlock([
            new("radar.csv:1", "CSV"), new("proposal.approve:42", "Approve", ButtonStyle.Primary), new("proposal.reject:42", "Reject <x>", ButtonStyle.Danger)]));

        var buttons = block["elements"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal("actions", (string?)block["type"]);
        Assert.Equal(["radar.csv:1", "proposal.approve:42", "proposal.reject:42"], buttons.Select(b => (string?)b["action_id"]));
        Assert.Equal(buttons.Select(b => (string?)b["action_id"]), buttons.Select(b => (string?)b["value"]));
        Assert.Equal([null, "primary", "danger"], buttons.Select(b => (string?)b["style"]));
        Assert.Equal(["CSV", "Approve", "Reject <x>"], buttons.Select(b => Text(b["text"])));
        Assert.All(buttons, b => Assert.Null(b["confirm"]));
    }

    [Theory]
    [InlineData("en", "Are you sure?", "Yes, go ahead", "Cancel")]
    [InlineData("de", "Bist du sicher?", "Ja, weiter", "Abbrechen")]
    public void Render_ButtonWithConfirm_AsksInTheOpsLanguage(string culture, string title, string yes, string no)
    {
        var button = new ChatButton("refund.issue:7", "Refund", ButtonStyle.Danger, "Refund €12.00 to <fan>?");

        var payload = Renderer(culture).Render(new ChatMessage("f", new ButtonsBlock([button])));

        var confirm = payload.Blocks![0]!["elements"]![0]!["confirm"]!;
        Assert.Empty(BlockKitRules.Problems(payload));
        Assert.Equal([title, "Refund €12.00 to <fan>?", yes, no], new[] { "title", "text", "confirm", "deny" }.Select(k => Text(confirm[k])));
        Assert.Equal("danger", (string?)confirm["style"]);
    }

    [Fact]
    public void Render_Fallback_IsTheEscapedTopLevelText()
    {
        var payload = Renderer().Render(new ChatMessage("Radar for <!channel> & *boss*", new HeaderBlock("Radar")));

        Assert.Equal("Radar for &lt;!channel&gt; &amp; \u2217boss\u2217", payload.Text);
        Assert.Null(payload.ThreadTs);
    }

    [Fact]
    public void Render_BlockIds_AreUniqueStableAndNewForChangedContent()
    {
        var message = new ChatMessage("f", new TextBlock(RichText.Plain("same")), new TextBlock(RichText.Plain("same")), new ContextBlock(RichText.Plain("v1")));
        var changed = message with { Blocks = [.. message.Blocks.SkipLast(1), new ContextBlock(RichText.Plain("v2"))] };

        var ids = BlockIds(message);

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids, BlockIds(message));
        Assert.Equal([ids[0], ids[1]], BlockIds(changed).Take(2));
        Assert.NotEqual(ids[2], BlockIds(changed)[2]);
    }

    [Fact]
    public void Render_BlocksWithoutText_AreLeftOut()
    {
        var payload = Renderer().Render(new ChatMessage("f", new HeaderBlock(""), new TextBlock(RichText.Plain("")), new FieldsBlock([]), new ContextBlock(RichText.Plain("kept"))));

        Assert.Equal(["context"], payload.Blocks!.Select(b => (string?)b!["type"]));
        Assert.Empty(BlockKitRules.Problems(payload));
    }

    private static List<string> BlockIds(ChatMessage message) => [.. Renderer().Render(message).Blocks!.Select(b => (string)b!["block_id"]!)];
}
