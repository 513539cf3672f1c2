using System.Globalization;
using OpsBot.Chat;
using OpsBot.Radar;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Radar;

public sealed class RadarCommandTests(CommandStore store) : IClassFixture<CommandStore>
{
    private static TableBlock Table(ChatMessage m) => m.Blocks.OfType<TableBlock>().Single();

    [Fact]
    public async Task Radar_ShowsCountsMoneyAtRiskAndWarnHours()
    {
        var reply = await store.En.RunAsync("/radar");

        var text = MessageText.Of(reply.Message);
        Assert.StartsWith("SLA radar\n", text);
        // t01 overdue (29.99) + t02 critical (19.99); t03 and eve's 15 are ok.
        Assert.Contains("1 overdue · 1 critical · 16 ok · money at risk €49.98 (critical = under 12 h left)", text);
        Assert.Contains("As of 2026-11-20 10:00 +01:00 (Europe/Berlin)", text);
        Assert.StartsWith("SLA radar: 1 overdue", reply.Message.Fallback);
    }

    [Fact]
    public async Task Radar_TableHasTheMostUrgentFirst_CutAtTheLimit_WithTheTotal()
    {
        var table = Table((await store.En.RunAsync("/radar")).Message);

        Assert.Equal(["Flag", "Creator", "Lane", "Amount", "Time left", "Deadline"], table.Columns);
        Assert.Equal(RadarMessage.MaxRows, table.Rows.Count);
        Assert.Equal(2 + CommandStore.EveOpen + 1, table.TotalRows);
        Assert.Equal(3, table.Hidden);
        Assert.Equal(["overdue", "anna", "fast", "€29.99", "overdue by 1 hour", "2026-11-20 09:00 +01:00"], table.Rows[0]);
        Assert.Equal(["critical", "bob", "standard", "€19.99", "3 hours", "2026-11-20 13:00 +01:00"], table.Rows[1]);
        Assert.Equal(["ok", "eve", "standard", "€10.00", "21 hours", "2026-11-21 07:00 +01:00"], table.Rows[2]);
        var deadlines = table.Rows.Select(r => DateTimeOffset.Parse(r[5], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(deadlines.Order(), deadlines);
    }

    [Fact]
    public async Task Radar_OffersTheCsvAndTheCardsOfTheMostUrgentCreators_AndARefundForTheOverdue()
    {
        var buttons = (await store.En.RunAsync("/radar")).Message.Buttons.ToList();

        Assert.Equal(["CSV", "Card: anna", "Card: bob", "Card: eve", "Propose refund: anna €29.99 (t01)"], buttons.Select(b => b.Label));
        Assert.Equal("proposal.propose:refund:t01", buttons[^1].ActionId);
        buttons.RemoveAt(buttons.Count - 1);
        Assert.Equal(["creator.show:anna", "creator.show:bob", "creator.show:eve"], buttons.Skip(1).Select(b => b.ActionId));
        Assert.Equal($"radar.csv:{CommandStore.Now.ToUnixTimeMilliseconds()}||", buttons[0].ActionId);
    }

    [Fact]
    public async Task Radar_Hours_WidenCritical()
    {
        var reply = await store.En.RunAsync("/radar 24");

        Assert.Contains("1 overdue · 4 critical · 13 ok", MessageText.Of(reply.Message));   // and eve's three due 11-21 06:00–08:00Z
        Assert.EndsWith("|24|", reply.Message.Buttons.First().ActionId);
    }

    [Fact]
    public async Task Radar_Creator_KeepsOnlyTheirThreads_AndCardsThem()
    {
        var reply = await store.En.RunAsync("/radar @ANNA");

        Assert.Equal("SLA radar: anna", reply.Message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal(["anna", "anna"], Table(reply.Message).Rows.Select(r => r[1]));
        Assert.Equal(["CSV", "Card: anna", "Propose refund: anna €29.99 (t01)"], reply.Message.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Radar_CreatorWithNothingOpen_IsAllClear()
    {
        var reply = await store.En.RunAsync("/radar dora");

        Assert.Contains("All clear: dora has no open threads.", MessageText.Of(reply.Message));
        Assert.Empty(reply.Message.Blocks.OfType<TableBlock>());
        Assert.Empty(reply.Message.Buttons);
    }

    [Fact]
    public async Task Radar_UnknownCreator_SuggestsTheClosestAsCardButtons()
    {
        var reply = await store.En.RunAsync("/radar @ana");

        Assert.Equal("I don't know a creator ana. Did you mean anna?", reply.Message.Fallback);
        Assert.Equal(["creator.show:anna"], reply.Message.Buttons.Select(b => b.ActionId));
    }

    [Theory]
    [InlineData("/radar", false)]
    [InlineData("/radar public", true)]
    [InlineData("/radar @anna public csv", true)]
    public async Task Radar_IsPrivateUnlessPublic(string command, bool expected) =>
        Assert.Equal(expected, (await store.En.RunAsync(command)).Public);

    [Theory]
    [InlineData("/radar 721", "`721` is not a valid hours.")]
    [InlineData("/radar 1.255", "`1.255` is not a valid hours.")]
    [InlineData("/radar 6 7", "I did not understand `7`.")]
    [InlineData("/radar 0", "I did not understand `0`.")]
    public async Task Radar_BadArguments_AnswerWithUsage_Privately(string command, string problem)
    {
        var reply = await store.En.RunAsync(command + " public");

        Assert.False(reply.Public);
        Assert.Equal($"{problem.Replace("`", "")} Usage: /radar [hours] [@creator] [csv] [public]", reply.Message.Fallback);
    }
}
