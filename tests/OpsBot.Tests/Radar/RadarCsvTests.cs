using System.Text;
using OpsBot.Chat;
using OpsBot.Radar;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Radar;

public sealed class RadarCsvTests(CommandStore store) : IClassFixture<CommandStore>
{
    private static string[] Lines(ChatFile file)
    {
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), file.Content[..3]);
        return Encoding.UTF8.GetString(file.Content[3..]).Split("\r\n");
    }

    [Fact]
    public async Task RadarCsv_AttachesTheWholeList_InsteadOfTheButton()
    {
        var reply = await store.En.RunAsync("/radar csv");

        var file = Assert.Single(reply.Message.Files);
        Assert.Equal(("radar-20261120-0900Z.csv", "text/csv"), (file.Name, file.ContentType));
        var lines = Lines(file);
        Assert.Equal("threadId,creatorHandle,lane,amountMinor,currency,createdAt,deadlineAt,remainingMs,flag", lines[0]);
        Assert.Equal("t01,anna,fast,2999,EUR,2026-11-19T08:00:00.000Z,2026-11-20T08:00:00.000Z,-3600000,overdue", lines[1]);
        Assert.Equal("t03,anna,standard,123456,EUR,2026-11-20T08:00:00.000Z,2026-11-22T08:00:00.000Z,169200000,ok", lines[^2]);
        Assert.Equal(1 + 2 + CommandStore.EveOpen + 1 + 1, lines.Length);   // header, rows, the empty string after the last CRLF
        Assert.DoesNotContain(reply.Message.Buttons, b => b.ActionId.StartsWith(RadarCsvAction.ActionName));
    }

    [Fact]
    public async Task CsvButton_GivesTheSameFileAsTheCsvOption()
    {
        var button = (await store.En.RunAsync("/radar 24 @anna")).Message.Buttons.First();
        var attached = Assert.Single((await store.En.RunAsync("/radar 24 @anna csv")).Message.Files);

        var pressed = await store.En.PressAsync(button.ActionId);

        var file = Assert.Single(pressed.Reply!.Files);
        Assert.Equal("radar-anna-20261120-0900Z.csv", file.Name);
        Assert.Equal(attached.Content, file.Content);
        Assert.Equal(1 + 2 + 1, Lines(file).Length);
        Assert.Equal("The whole radar as of 2026-11-20 10:00 +01:00: 2 open threads.", pressed.Reply.Fallback);
        Assert.Null(pressed.UpdateOriginal);
    }

    [Fact]
    public async Task CsvButton_KeepsTheMessagesAsOfTime()
    {
        var oneHourEarlier = CommandStore.Now.AddHours(-1).ToUnixTimeMilliseconds();

        var pressed = await store.En.PressAsync($"radar.csv:{oneHourEarlier}||");

        // At 08:00Z t01 was due that very instant: not overdue yet, 0 ms left.
        Assert.Contains("t01,anna,fast,2999,EUR,2026-11-19T08:00:00.000Z,2026-11-20T08:00:00.000Z,0,critical", Lines(pressed.Reply!.Files.Single()));
    }

    [Theory]
    [InlineData("radar.csv:nonsense")]
    [InlineData("radar.csv:1|2")]
    [InlineData("radar.csv:99999999999999999|12|")]
    [InlineData("radar.csv:1763629200000|-3|")]
    public async Task CsvButton_WithABrokenId_SaysTheButtonNoLongerWorks(string id)
    {
        var pressed = await store.En.PressAsync(id);

        Assert.Equal("This button no longer works.", pressed.Reply!.Fallback);
        Assert.Empty(pressed.Reply.Files);
    }

    [Fact]
    public void CsvButtonId_WithTheLongestHandleAndHours_FitsTheLimit()
    {
        var id = RadarCsvAction.IdFor(new(CommandStore.Now, RadarCommand.MaxWarnHours - 0.25, new string('x', 64)));

        Assert.True(id.Length <= ActionId.MaxLength, id);
    }
}
