using OpsBot.Chat;

namespace OpsBot.Tests.Chat;

public sealed class ActionIdTests
{
    [Theory]
    [InlineData("proposal.approve:42", "proposal.approve", "42")]
    [InlineData("radar.csv", "radar.csv", "")]
    [InlineData("creator.show:anna:x", "creator.show", "anna:x")]
    public void TryParse_ValidIds_SplitsNameAndArgument(string text, string name, string argument)
    {
        Assert.True(ActionId.TryParse(text, out var id));
        Assert.Equal(new ActionId(name, argument), id);
        Assert.Equal(text.Contains(':') ? text : text + ":", id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("approve:42")]
    [InlineData("Proposal.Approve:1")]
    [InlineData("a.b.c:1")]
    [InlineData(".approve:1")]
    public void TryParse_Malformed_Fails(string text) => Assert.False(ActionId.TryParse(text, out _));

    [Fact]
    public void Create_LongerThanDiscordAllows_Throws()
    {
        Assert.Throws<ArgumentException>(() => ActionId.Create("radar.page", new string('x', 90)));
        Assert.Equal(ActionId.MaxLength, ActionId.Create("radar.page", new string('x', 89)).ToString().Length);
    }
}
