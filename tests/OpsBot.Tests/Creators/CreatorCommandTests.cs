using OpsBot.Chat;
using static OpsBot.Tests.Fixtures.MessageText;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Creators;

public sealed class CreatorCommandTests(CommandStore store) : IClassFixture<CommandStore>
{
    [Fact]
    public async Task Creator_Card_HasTheKeyNumbers()
    {
        var card = (await store.En.RunAsync("/creator @Anna")).Message;

        Assert.Equal("anna (ANNA)", card.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Contains("Checkout active · joined 2026-01-01 01:00 +01:00", Of(card));
        Assert.Equal("€10.00 standard · fast lane ×1.5 = €15.00 (enabled)", Field(card, "Price"));
        Assert.Equal("2 (1 on track) · nearest deadline 2026-11-20 09:00 +01:00 (overdue by 1 hour)", Field(card, "Open threads"));
        // Due in the 30 days: t01 (open), t04 (answered in 2 h), t05 (refunded unanswered).
        Assert.Equal("33.3% (1 of 3 due answered in time)", Field(card, "Answer rate (30 days)"));
        Assert.Equal("mean 2 h, median 2 h, p90 2 h (n = 1) · standard lane mean 2 h (n = 1) · fast lane none", Field(card, "Reply time (30 days)"));
        Assert.Equal("€1,329.55", Field(card, "GMV month to date"));   // 29.99 + 1,234.56 + 50.00 + 15.00
        Assert.Equal("1 (€15.00), rate 25.0% of 4 threads created · SLA miss 0, poor answer 1, other 0", Field(card, "Refunds (30 days)"));
        Assert.Equal("1", Field(card, "Flagged messages (30 days)"));
        Assert.Equal("code ANNA · referred by none · referred bob", Field(card, "Referral"));
        Assert.Equal("none", Field(card, "Marks (30 days)"));
        Assert.Contains("As of 2026-11-20 10:00 +01:00 (Europe/Berlin) · 30 days = 2026-10-21 11:00 +02:00 to 2026-11-20 10:00 +01:00", Of(card));
    }

    [Fact]
    public async Task Creator_Card_ShowsOutlierAndHighRefundMarksWithTheirSamples()
    {
        var card = (await store.En.RunAsync("/creator cleo")).Message;

        Assert.Equal("answer-rate outlier: 0.0% of 10 due; high refund rate: 100.0% (10 refunds of 10 threads)", Field(card, "Marks (30 days)"));
        Assert.Equal("0.0% (0 of 10 due answered in time)", Field(card, "Answer rate (30 days)"));
    }

    [Fact]
    public async Task Creator_BannedWithoutThreads_SaysSoInsteadOfEmptyNumbers()
    {
        var card = (await store.En.RunAsync("/creator dora")).Message;

        Assert.Contains("Checkout banned", Of(card));
        Assert.EndsWith("(disabled)", Field(card, "Price"));
        Assert.Equal("none", Field(card, "Open threads"));
        Assert.Equal("none due", Field(card, "Answer rate (30 days)"));
        Assert.Equal("no first replies", Field(card, "Reply time (30 days)"));
        Assert.Equal("code none · referred by none · referred none", Field(card, "Referral"));
    }

    [Fact]
    public async Task Creator_Unknown_SuggestsTheClosestHandlesAsButtons()
    {
        var reply = await store.En.RunAsync("/creator bobb");

        Assert.Equal("I don't know a creator bobb. Did you mean bob?", reply.Message.Fallback);
        var button = Assert.Single(reply.Message.Buttons);
        Assert.Equal(("creator.show:bob", "bob"), (button.ActionId, button.Label));
    }

    [Fact]
    public async Task Creator_UnknownWithNothingClose_HasNoButtons()
    {
        var reply = await store.En.RunAsync("/creator zzzzzzzzz");

        Assert.Equal("I don't know a creator zzzzzzzzz.", reply.Message.Fallback);
        Assert.Empty(reply.Message.Buttons);
    }

    [Fact]
    public async Task Creator_WithoutHandle_AnswersWithUsage()
    {
        var reply = await store.En.RunAsync("/creator");

        Assert.Equal("Missing handle. Usage: /creator <@handle> [public]", reply.Message.Fallback);
    }

    [Theory]
    [InlineData("/creator anna", false)]
    [InlineData("/creator anna public", true)]
    public async Task Creator_IsPrivateUnlessPublic(string command, bool expected) =>
        Assert.Equal(expected, (await store.En.RunAsync(command)).Public);

    [Fact]
    public async Task CardButton_AnswersWithTheSameCardAsTheCommand()
    {
        var pressed = await store.En.PressAsync("creator.show:bob");
        var typed = await store.En.RunAsync("/creator bob");

        Assert.Equal(Of(typed.Message), Of(pressed.Reply!));
        Assert.Contains("referred by ANNA", Of(pressed.Reply!));
    }

    [Fact]
    public async Task CardButton_ForACreatorNoLongerThere_SuggestsInstead()
    {
        var pressed = await store.En.PressAsync("creator.show:ane");

        Assert.StartsWith("I don't know a creator ane.", pressed.Reply!.Fallback);
    }
}
