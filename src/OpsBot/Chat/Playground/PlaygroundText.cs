using System.Collections;
using System.Globalization;
using System.Resources;
using OpsBot.Formatting;

namespace OpsBot.Chat.Playground;

/// <summary>
/// The playground's own words in PlaygroundText.resx: the page's labels (served whole to the browser by
/// <c>GET /playground/api/texts</c>), channel topics and the API's error sentences.
/// </summary>
internal static class PlaygroundText
{
    public static readonly ResourceManager Resources = new(typeof(PlaygroundText));

    /// <summary>The English file holds every key; a test keeps the German file to the same set.</summary>
    private static readonly Lazy<string[]> Keys = new(() =>
    [
        .. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal),
    ]);

    public static Texts Of(OpsText text) => text.Of(Resources);

    /// <summary>Every text in <c>OpsBot:Culture</c>, for the page to put in with textContent.</summary>
    public static PageTexts ForPage(OpsText text)
    {
        var texts = Of(text);
        return new PageTexts(text.Culture.Name, Keys.Value.ToDictionary(key => key, key => texts[key]));
    }

    public static PlaygroundError Error(OpsText text, string key, params object?[] args) => new(Of(text).Format(key, args));
}
