using System.Text.Json;
using OpsBot.Chat;
using OpsBot.Chat.Playground;

namespace OpsBot.Tests.Chat.Playground;

public sealed class ChatMessageJsonTests
{
    private static ChatMessage Sample() =>
        new SampleCommand().ExecuteAsync(new CommandContext(new ChatActor("playground", "mara", "Mara"), "ops-daily", CommandArgs.None), CancellationToken.None).Result;

    [Fact]
    public void Stored_RoundTripsEveryBlock_BytesIncluded()
    {
        var original = Sample();

        var back = ChatMessageJson.Deserialize(ChatMessageJson.Serialize(original));

        Assert.Equal(original.Fallback, back.Fallback);
        Assert.Equal(original.Blocks.Select(b => b.GetType()), back.Blocks.Select(b => b.GetType()));
        Assert.Equal(SampleCommand.Png, back.Blocks.OfType<ImageBlock>().Single().Png);
        Assert.Equal(SampleCommand.Csv, back.Files.Single().Content);
        var table = back.Blocks.OfType<TableBlock>().Single();
        Assert.Equal((7, SampleCommand.Markup), (table.TotalRows, table.Rows[2][0]));
        Assert.Equal(original.Buttons, back.Buttons);
        var text = back.Blocks.OfType<TextBlock>().Single().Text;
        Assert.Equal(original.Blocks.OfType<TextBlock>().Single().Text.Spans, text.Spans);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), text.Spans.Single(s => s.Time is not null).Time);
    }

    [Fact]
    public void Browser_LeavesBytesOut()
    {
        var json = JsonSerializer.Serialize(Sample(), ChatMessageJson.Browser);

        Assert.DoesNotContain(Convert.ToBase64String(SampleCommand.Png), json);
        Assert.DoesNotContain(Convert.ToBase64String(SampleCommand.Csv), json);
        Assert.Contains("\"type\":\"image\"", json);
    }

    private sealed record UnknownBlock : MessageBlock;

    [Fact]
    public void Serialize_ABlockTypeItDoesNotKnow_FailsLoudly() =>
        Assert.Throws<NotSupportedException>(() => ChatMessageJson.Serialize(new ChatMessage("x", new UnknownBlock())));
}
