using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpsBot.Chat.Playground;
using OpsBot.Tests.Formatting;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>The page's labels, channel topics, identities and API errors, all from PlaygroundText.resx in <c>OpsBot:Culture</c>.</summary>
public sealed class PlaygroundTextTests
{
    private static async Task<PlaygroundClient> StartInAsync(string culture) =>
        await StartAsync(settings: new Dictionary<string, string?> { ["OpsBot:Culture"] = culture });

    private static async Task<T> WithHostAsync<T>(string culture, Func<PlaygroundClient, Task<T>> use)
    {
        var playground = await StartInAsync(culture);
        try
        {
            return await use(playground);
        }
        finally
        {
            await playground.Host.DisposeAsync();
            playground.Host.Database.Dispose();
        }
    }

    private static string Text(string key, string culture) => PlaygroundText.Resources.GetString(key, CultureInfo.GetCultureInfo(culture))!;

    [Fact]
    public void Resx_EnglishAndGerman_HaveTheSameKeys() => ResxKeys.AssertSameInEnglishAndGerman(PlaygroundText.Resources);

    [Theory]
    [InlineData("en", "Act as")]
    [InlineData("de", "Handeln als")]
    public async Task Texts_EveryKeyInTheCulture(string culture, string actAs)
    {
        var page = await WithHostAsync(culture, async p => await OkJsonAsync(await p.Host.Http.GetAsync(Api("/texts"))));

        var texts = page.GetProperty("texts").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetString()!);
        Assert.Equal(culture, page.GetProperty("culture").GetString());
        Assert.Equal(ResxKeys.Of(PlaygroundText.Resources, ""), new SortedSet<string>(texts.Keys));
        Assert.Equal(actAs, texts["ActAs"]);
        Assert.All(texts, t => Assert.Equal(Text(t.Key, culture), t.Value));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task ChannelsIdentitiesAndErrors_InTheCulture(string culture)
    {
        var (channels, identities, error) = await WithHostAsync(culture, async p => (
            await OkJsonAsync(await p.Host.Http.GetAsync(Api("/channels"))),
            await OkJsonAsync(await p.Host.Http.GetAsync(Api("/identities"))),
            await p.RunAsync(PlaygroundChannel.OpsDaily, AsOps, "radar")));

        Assert.Equal(Text("Topic.ops-daily", culture), channels[0].GetProperty("topic").GetString());
        Assert.Equal(Text("Identity.Approver", culture), identities[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(string.Format(CultureInfo.GetCultureInfo(culture), Text("Error.NoCommand", culture), CommandLine.MaxLength),
            (await error.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
