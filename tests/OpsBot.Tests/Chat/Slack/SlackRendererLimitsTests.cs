using System.Text.Json.Nodes;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Chat.Slack;
using OpsBot.Tests.Chat.Rendering;
using static OpsBot.Tests.Chat.Rendering.Renderers;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>Oversized messages, fitted with <see cref="MessageLimits.Slack"/> and rendered, never break a Block Kit limit (A5).</summary>
public sealed class SlackRendererLimitsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly MessageFitter fitter = Fitter();
    private readonly SlackRenderer renderer = SlackRendererTests.Renderer();

    /// <summary>Text where every third character is escaped (&amp; → &amp;amp;), with bold runs and times: the costliest to render.</summary>
    private static RichText Heavy(int length)
    {
        var spans = new List<Span>();
        for (var i = 0; spans.Sum(s => s.Text.Length) < length; i++)
            spans.Add(i % 3 == 0 ? new Span("10:00", SpanStyle.Bold, At.AddHours(i)) : new Span(Words(40, "a<b>&*"), (SpanStyle)(i % 4)));
        return new RichText(spans);
    }

    /// <summary>Header, button and dialog texts are plain text, which Slack does not parse: without escapes they are longest.</summary>
    private SlackPayload Oversized()
    {
        List<MessageBlock> blocks =
        [
            new HeaderBlock(Words(400, "Überfällig")),
            new TextBlock(Heavy(9000)),
            new FieldsBlock([.. Enumerable.Range(0, 12).Select(i => new ChatField(Words(400, $"<label{i}>"), Heavy(3000)))]),
            new TableBlock(["Creator", "<Amount>"], [.. Enumerable.Range(0, 100).Select(i => (IReadOnlyList<string>)[Words(60, $"&creator-{i}"), "€12.00 & <more>"])]),
            new ContextBlock(Heavy(5000)),
            new ImageBlock("gmv.png", [1], Words(3000, "<alt>")),
            new ImageBlock("missing.png", [1], Words(3000, "<alt>")),
        ];
        blocks.AddRange(Enumerable.Range(0, 60 - blocks.Count - 1).Select(i => new TextBlock(RichText.Plain($"Section {i} <@U{i}>"))));
        blocks.Add(new ButtonsBlock([.. Enumerable.Range(0, 40).Select(i =>
            new ChatButton($"test.press:{i}", Words(200, "Approve"), (ButtonStyle)(i % 3), i % 2 == 0 ? Words(3000, "Sure?") : null))]));
        var fitted = fitter.Fit(new ChatMessage(Words(50_000, "<fallback>"), blocks, []), MessageLimits.Slack);
        return renderer.Render(fitted, new Dictionary<string, string> { ["gmv.png"] = "F1" });
    }

    [Fact]
    public void Render_OversizedMessage_KeepsEveryBlockKitLimit()
    {
        var payload = Oversized();

        Assert.Empty(BlockKitRules.Problems(payload));
        var blocks = payload.Blocks!.Select(b => b!.AsObject()).ToList();
        Assert.Equal(50, blocks.Count);
        Assert.Equal("actions", (string?)blocks[^1]["type"]);
        Assert.Equal(25, blocks[^1]["elements"]!.AsArray().Count);
    }

    /// <summary>The fitter cuts to the limits and the renderer fills them: the check above is not vacuous.</summary>
    [Fact]
    public void Render_OversizedMessage_ReachesTheLimitsItKeeps()
    {
        var blocks = Oversized().Blocks!.Select(b => b!.AsObject()).ToList();

        Assert.InRange(Text(blocks[0]["text"]).Length, 140, 150);
        // Texts stay below their limits by what the fitter reserves for times (60 each; a token adds 46) and word boundaries.
        Assert.InRange(Text(blocks[1]["text"]).Length, 2400, 3000);
        Assert.Equal([10, 2], blocks.Where(b => b["fields"] is not null).Select(b => b["fields"]!.AsArray().Count));
        Assert.InRange(blocks.Where(b => b["fields"] is not null).SelectMany(b => b["fields"]!.AsArray()).Max(f => Text(f).Length), 1500, 2000);
        Assert.Contains(blocks, b => ((string?)b["text"]?["text"])?.StartsWith("```", StringComparison.Ordinal) == true);
        Assert.InRange(blocks[^1]["elements"]!.AsArray().Max(b => Text(b!["text"]).Length), 65, 75);
        Assert.InRange(blocks[^1]["elements"]!.AsArray().Max(b => b!["confirm"] is { } c ? Text(c["text"]).Length : 0), 250, 300);
    }

    [Theory]
    [InlineData(20261120)]
    [InlineData(4)]
    public void Render_RandomOversizedMessages_NeverBreakABlockKitLimit(int seed)
    {
        var messages = new OversizedMessages(seed);
        for (var i = 0; i < 40; i++)
        {
            var ids = i % 2 == 0 ? new Dictionary<string, string> { ["chart.png"] = "F1" } : null;
            var problems = BlockKitRules.Problems(renderer.Render(fitter.Fit(messages.Next(), MessageLimits.Slack), ids));
            Assert.True(problems.Count == 0, $"message {i}: {string.Join("; ", problems)}");
        }
    }

    private static string Text(JsonNode? node) => (string)node!["text"]!;
}
