using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Chat.Slack;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// The real features' answers, run through the dispatcher with the host's registrations over a known store,
/// fitted and rendered by the host's own fitter and renderer: valid Block Kit in both languages.
/// </summary>
public sealed class SlackRendererFeatureTests(CommandStore store) : IClassFixture<CommandStore>
{
    public static TheoryData<string, string> Commands => new()
    {
        { "en", "/radar" }, { "de", "/radar" },
        { "en", "/creator anna" }, { "de", "/creator anna" },
        { "en", "/digest weekly" }, { "de", "/digest weekly" },
        { "en", "/ops help" }, { "de", "/ops help" },
    };

    private async Task<(ChatMessage Fitted, SlackPayload Payload, Dictionary<string, string> FileIds)> RenderAsync(string culture, string command)
    {
        var slice = store.In(culture);
        var reply = await slice.RunAsync(command);
        var fitted = slice.Services.GetRequiredService<MessageFitter>().Fit(reply.Message, MessageLimits.Slack);
        var fileIds = fitted.Blocks.OfType<ImageBlock>().Select((image, i) => (image.FileName, Id: $"F{i:000}")).ToDictionary(x => x.FileName, x => x.Id);
        return (fitted, slice.Services.GetRequiredService<SlackRenderer>().Render(fitted, fileIds), fileIds);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Render_FeatureAnswer_IsValidBlockKitBlockForBlock(string culture, string command)
    {
        var (fitted, payload, _) = await RenderAsync(culture, command);

        Assert.Empty(BlockKitRules.Problems(payload));
        Assert.Equal(fitted.Blocks.Select(Kind), payload.Blocks!.Select(b => (string?)b!["type"]));
        Assert.Equal(fitted.Blocks.OfType<HeaderBlock>().Select(h => h.Text), Blocks(payload, "header").Select(b => (string?)b["text"]!["text"]));
        Assert.Equal(fitted.Buttons.Select(b => b.ActionId), Blocks(payload, "actions").SelectMany(b => b["elements"]!.AsArray()).Select(b => (string?)b!["action_id"]));
        Assert.Equal(SlackMrkdwn.Literal(fitted.Fallback), payload.Text);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task Render_Radar_ShowsTheTableAsAlignedCode(string culture)
    {
        var (fitted, payload, _) = await RenderAsync(culture, "/radar");

        var table = fitted.Blocks.OfType<TableBlock>().Single();
        var code = Blocks(payload, "section").Select(b => (string)b["text"]!["text"]!).Single(t => t.StartsWith("```", StringComparison.Ordinal));
        var lines = code.Split('\n');
        Assert.StartsWith(table.Columns[0], lines[1]);
        Assert.StartsWith(table.Rows[0][0], lines[3]);
        Assert.Equal(lines[1].IndexOf(table.Columns[1], StringComparison.Ordinal), lines[3].IndexOf(table.Rows[0][1], StringComparison.Ordinal));
        Assert.True(table.Hidden > 0);
        Assert.Equal("```", lines[^2]);
        Assert.Contains($" {table.Hidden} ", lines[^1]);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task Render_WeeklyDigest_ShowsEachUploadedChart(string culture)
    {
        var (_, payload, fileIds) = await RenderAsync(culture, "/digest weekly");

        Assert.NotEmpty(fileIds);
        Assert.Equal(fileIds.Values, Blocks(payload, "image").Select(b => (string?)b["slack_file"]!["id"]));
    }

    private static IEnumerable<JsonObject> Blocks(SlackPayload payload, string type) =>
        payload.Blocks!.Select(b => b!.AsObject()).Where(b => (string?)b["type"] == type);

    private static string Kind(MessageBlock block) => block switch
    {
        HeaderBlock => "header",
        TextBlock or FieldsBlock or TableBlock => "section",
        ContextBlock => "context",
        ImageBlock => "image",
        ButtonsBlock => "actions",
        _ => block.GetType().Name,
    };
}
