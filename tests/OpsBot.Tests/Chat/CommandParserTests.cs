using OpsBot.Chat;

namespace OpsBot.Tests.Chat;

public sealed class CommandParserTests
{
    private static readonly CommandSpec Radar = new("radar", "SLA radar",
    [
        new OptionSpec("hours", "Critical under this many hours", OptionKind.Number),
        new OptionSpec("creator", "Only this creator", OptionKind.Handle),
        new OptionSpec("csv", "Attach the whole list as CSV", OptionKind.Flag),
    ]);

    private static readonly CommandSpec Digest = new("digest", "Digest",
        [new OptionSpec("period", "daily or weekly", OptionKind.Choice, Required: true, Choices: ["daily", "weekly"])]);

    [Fact]
    public void Parse_WordsInAnyOrder_MatchedByShape()
    {
        var args = CommandParser.Parse(Radar, "  @Anna  CSV 6 public ");

        Assert.Equal(6, args.Number("hours"));
        Assert.Equal("Anna", args.Handle("creator"));
        Assert.True(args.Flag("csv"));
        Assert.True(args.Public);
    }

    [Fact]
    public void Parse_FlagWord_IsTheFlagNotAHandle()
    {
        var args = CommandParser.Parse(Radar, "csv public");

        Assert.True(args.Flag("csv"));
        Assert.True(args.Public);
        Assert.Null(args.Handle("creator"));
        Assert.Equal("csv", CommandParser.Parse(Radar, "@csv").Handle("creator"));
    }

    [Fact]
    public void Parse_Empty_HasNothing()
    {
        var args = CommandParser.Parse(Radar, "");

        Assert.Null(args.Number("hours"));
        Assert.False(args.Public);
    }

    [Theory]
    [InlineData("6 7")]
    [InlineData("-3")]
    [InlineData("@")]
    public void Parse_WordThatFitsNothing_IsAUsageError(string text)
    {
        var e = Assert.Throws<CommandUsageException>(() => CommandParser.Parse(Radar, text));
        Assert.Equal(ChatErrors.Unexpected, e.ErrorKey);
    }

    [Fact]
    public void Parse_MissingRequiredChoice_IsAUsageError()
    {
        var e = Assert.Throws<CommandUsageException>(() => CommandParser.Parse(Digest, "public"));
        Assert.Equal(ChatErrors.Missing, e.ErrorKey);
        Assert.Equal("/digest <daily|weekly> [public]", e.Spec.Usage);
    }

    [Fact]
    public void FromNamed_DiscordOptions_SameChecks()
    {
        var args = CommandParser.FromNamed(Radar, new Dictionary<string, string> { ["hours"] = "2.5", ["creator"] = "@bo", ["public"] = "true" });

        Assert.Equal(2.5, args.Number("hours"));
        Assert.Equal("bo", args.Handle("creator"));
        Assert.True(args.Public);
        Assert.Throws<CommandUsageException>(() => CommandParser.FromNamed(Radar, new Dictionary<string, string> { ["hours"] = "soon" }));
    }
}
