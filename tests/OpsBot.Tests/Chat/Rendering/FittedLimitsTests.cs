using System.Text.Json;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using static OpsBot.Tests.Chat.Rendering.Renderers;

namespace OpsBot.Tests.Chat.Rendering;

/// <summary>Property-style: random oversized messages, fitted for each platform, never break a limit, and fitting again changes nothing.</summary>
public sealed class FittedLimitsTests
{
    private const int Messages = 40;
    private readonly MessageFitter fitter = Fitter();
    private readonly PlainTextRenderer plain = Plain();

    public static TheoryData<string> Platforms => ["Slack", "Discord"];

    private static MessageLimits LimitsOf(string platform) => platform == "Slack" ? MessageLimits.Slack : MessageLimits.Discord;

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Fit_RandomOversizedMessages_NeverExceedAnyLimit(string platform)
    {
        var limits = LimitsOf(platform);
        var messages = new OversizedMessages(seed: 20261120);
        for (var i = 0; i < Messages; i++)
        {
            var problems = Problems(fitter.Fit(messages.Next(), limits), limits).ToList();
            Assert.True(problems.Count == 0, $"{platform} message {i}: {string.Join("; ", problems)}");
        }
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Fit_FittedMessage_ChangesNothing(string platform)
    {
        var limits = LimitsOf(platform);
        var messages = new OversizedMessages(seed: 42);
        for (var i = 0; i < Messages; i++)
        {
            var fitted = fitter.Fit(messages.Next(), limits);
            Assert.Equal(Json(fitted), Json(fitter.Fit(fitted, limits)));
        }
    }

    /// <summary>Every limit, checked from the outside: what a platform would reject.</summary>
    private IEnumerable<string> Problems(ChatMessage message, MessageLimits l)
    {
        var cost = l.Markup;
        IEnumerable<string> Over(string what, int value, int limit) => value > limit ? [$"{what} {value} > {limit}"] : [];

        var problems = Over("blocks", message.Blocks.Count, l.Blocks)
            .Concat(Over("fallback", cost.Of(message.Fallback), l.FallbackText))
            .Concat(Over("buttons", message.Buttons.Count(), l.ButtonsPerMessage));
        var total = 0;
        foreach (var block in message.Blocks)
        {
            problems = problems.Concat(block switch
            {
                HeaderBlock h => Over("header", cost.Of(h.Text), l.HeaderText),
                TextBlock t => Over("text", cost.Of(t.Text), l.SectionText),
                ContextBlock c => Over("context", cost.Of(c.Text), l.ContextText),
                FieldsBlock f => Over("fields", f.Fields.Count, l.FieldsPerBlock)
                    .Concat(f.Fields.SelectMany(x => Over("label", cost.Of(x.Label), l.FieldLabel).Concat(Over("value", cost.Of(x.Value), l.FieldValue)))),
                TableBlock t => Over("table", cost.Of(plain.Table(t)) + cost.CodeBlock, l.SectionText),
                ImageBlock i => Over("alt text", cost.Of(i.AltText), l.ImageAltText),
                ButtonsBlock b => Over("buttons in block", b.Buttons.Count, l.ButtonsPerBlock)
                    .Concat(b.Buttons.SelectMany(x => Over("label", cost.Of(x.Label), l.ButtonLabel)
                        .Concat(Over("confirm", cost.Of(x.Confirm ?? ""), l.ConfirmText))
                        .Concat(Over("action id", x.ActionId.Length, l.ActionIdLength)))),
                _ => [$"unknown block {block.GetType().Name}"],
            });
            total += block switch
            {
                HeaderBlock h => cost.Of(h.Text),
                TextBlock t => cost.Of(t.Text),
                ContextBlock c => cost.Of(c.Text),
                FieldsBlock f => f.Fields.Sum(x => cost.Of(x.Label) + cost.Of(x.Value)),
                TableBlock t => cost.Of(plain.Table(t)) + cost.CodeBlock,
                _ => 0,
            };
        }
        return problems.Concat(Over("total text", total, l.TotalText));
    }

    /// <summary>The whole message as JSON, blocks by their runtime type, so two fits compare by content.</summary>
    private static string Json(ChatMessage m) =>
        JsonSerializer.Serialize(new { m.Fallback, Blocks = m.Blocks.Cast<object>(), m.Files });
}
