using System.Collections;
using System.Globalization;
using System.Resources;

namespace OpsBot.Tests.Formatting;

/// <summary>The keys of a resource pair: a text added in one language only would fall back or throw at run time.</summary>
public static class ResxKeys
{
    /// <param name="culture">"" for the English (neutral) file itself, without falling back.</param>
    public static SortedSet<string> Of(ResourceManager resources, string culture) =>
        [.. resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key)];

    public static void AssertSameInEnglishAndGerman(ResourceManager resources)
    {
        var english = Of(resources, "");
        Assert.NotEmpty(english);
        Assert.Equal(english, Of(resources, "de"));
    }
}
