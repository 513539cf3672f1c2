using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Ops;
using static OpsBot.Tests.Fixtures.MessageText;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Ops;

/// <summary>Every message of /radar, /creator, /ops and /propose in English and German, and the two languages' resource files side by side.</summary>
public sealed class CommandLanguagesTests(CommandStore store) : IClassFixture<CommandStore>
{
    public static TheoryData<string, string> EveryMessage()
    {
        string[] commands =
        [
            "/radar", "/radar csv", "/radar 24 @anna", "/radar dora", "/radar @ana", "/radar 721",
            "/creator anna", "/creator cleo", "/creator dora", "/creator bobb", "/creator zzzzzzzzz", "/creator",
            "/ops help", "/ops dance", "/ops audit", "/ops audit @anna", "/ops audit P-404",
            "/propose lift @dora", "/propose price @anna abc", "/propose ban @ana",
        ];
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "en", "de" })
            foreach (var command in commands) data.Add(culture, command);
        return data;
    }

    /// <summary>A missing resource key throws, and the dispatcher turns that into its "something went wrong" reply.</summary>
    [Theory]
    [MemberData(nameof(EveryMessage))]
    public async Task EveryCommand_RendersInBothLanguages(string culture, string command)
    {
        var slice = store.In(culture);
        var message = (await slice.RunAsync(command)).Message;

        Assert.DoesNotContain(slice.FailureStart, message.Fallback);
        Assert.NotEmpty(Of(message).Trim());
        foreach (var button in message.Buttons)
        {
            var pressed = (await slice.PressAsync(button.ActionId)).Reply!;
            Assert.DoesNotContain(slice.FailureStart, pressed.Fallback);
        }
    }

    [Fact]
    public async Task Radar_InGerman_UsesGermanWordsMoneyAndDurations()
    {
        var message = (await store.De.RunAsync("/radar")).Message;

        var text = Of(message);
        Assert.StartsWith("SLA-Radar\n", text);
        Assert.Contains("1 überfällig · 1 kritisch · 16 ok · Geld im Risiko 49,98 € (kritisch = weniger als 12 h übrig)", text);
        Assert.Contains("Status | Creator | Lane | Betrag | Restzeit | Frist", text);
        Assert.Contains("überfällig | anna | Fast Lane | 29,99 € | seit 1 Stunde überfällig | 2026-11-20 09:00 +01:00", text);
        Assert.Contains("kritisch | bob | Standard | 19,99 € | 3 Stunden |", text);
        Assert.Contains("Stand 2026-11-20 10:00 +01:00 (Europe/Berlin)", text);
        Assert.Equal(["CSV", "Karte: anna", "Karte: bob", "Karte: eve", "Refund vorschlagen: anna 29,99 € (t01)"], message.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task CreatorCard_InGerman_UsesGermanLabelsAndNumbers()
    {
        var card = (await store.De.RunAsync("/creator anna")).Message;

        Assert.Contains("Checkout aktiv · dabei seit", Of(card));
        Assert.Equal("10,00 € Standard · Fast Lane ×1,5 = 15,00 € (aktiviert)", Field(card, "Preis"));
        Assert.Equal("2 (1 im Plan) · nächste Frist 2026-11-20 09:00 +01:00 (seit 1 Stunde überfällig)", Field(card, "Offene Threads"));
        Assert.Equal("33,3 % (1 von 3 fälligen rechtzeitig beantwortet)", Field(card, "Antwortquote (30 Tage)"));
        Assert.Equal("1.329,55 €", Field(card, "GMV im Monat bisher"));
        Assert.StartsWith("1 (15,00 €), Quote 25,0 % von 4 neuen Threads", Field(card, "Erstattungen (30 Tage)"));
    }

    [Fact]
    public async Task UnknownCreator_InGerman_AsksWhoWasMeant()
    {
        var reply = await store.De.RunAsync("/radar @ana");

        Assert.Equal("Einen Creator ana kenne ich nicht. Meintest du anna?", reply.Message.Fallback);
    }

    [Fact]
    public async Task CsvButton_InGerman_SaysWhatTheFileHolds()
    {
        var button = (await store.De.RunAsync("/radar")).Message.Buttons.First();

        var pressed = await store.De.PressAsync(button.ActionId);

        Assert.Equal("Das ganze Radar, Stand 2026-11-20 10:00 +01:00: 18 offene Threads.", pressed.Reply!.Fallback);
    }

    public static TheoryData<string> Features() => ["OpsBot.Radar.RadarText", "OpsBot.Creators.CreatorText", "OpsBot.Ops.OpsCommandText"];

    /// <summary>
    /// English and German have the same keys, except the German help translations (Command.x, Option.x.y),
    /// which stand for the spec's English; each of those must name a registered command or option.
    /// </summary>
    [Theory]
    [MemberData(nameof(Features))]
    public async Task Resources_EnglishAndGermanHaveTheSameKeys_AndHelpTranslationsNameRealOptions(string baseName)
    {
        var resources = new ResourceManager(baseName, typeof(OpsBotHost).Assembly);
        var en = Keys(resources, CultureInfo.InvariantCulture);
        var de = Keys(resources, CultureInfo.GetCultureInfo("de"));
        var translations = de.Where(k => k.StartsWith(CommandHelpTexts.CommandPrefix) || k.StartsWith(CommandHelpTexts.OptionPrefix)).ToHashSet();

        Assert.NotEmpty(en);
        Assert.Equal(en.Order(), de.Except(translations).Order());
        var specs = await store.En.InScopeAsync(s => Task.FromResult(s.GetRequiredService<ChatRegistry>().Commands));
        var known = specs.SelectMany(s => s.Options.Select(o => CommandHelpTexts.OptionKey(s.Name, o.Name)).Append(CommandHelpTexts.CommandKey(s.Name)));
        Assert.Empty(translations.Except(known));
    }

    private static List<string> Keys(ResourceManager resources, CultureInfo culture) =>
        [.. resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
}
