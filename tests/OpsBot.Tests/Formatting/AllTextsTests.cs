using System.Resources;
using OpsBot.Formatting;

namespace OpsBot.Tests.Formatting;

/// <summary>
/// Every resource pair in the product, found in the assembly rather than listed, so a feature added later
/// cannot ship a text in one language only.
/// </summary>
public sealed class AllTextsTests
{
    public static TheoryData<string> BaseNames()
    {
        var names = typeof(OpsText).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length]);
        return [.. names];
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void EveryText_ExistsInEnglishAndGerman(string baseName)
    {
        var resources = new ResourceManager(baseName, typeof(OpsText).Assembly);
        // German may add help translations (Command.*, Option.*) whose English lives in the command specs.
        var english = ResxKeys.Of(resources, "");
        var german = ResxKeys.Of(resources, "de");
        Assert.Empty(english.Except(german));
        var germanOnly = german.Except(english).Where(k => !k.StartsWith("Command.") && !k.StartsWith("Option.")).ToList();
        Assert.Empty(germanOnly);
    }

    [Fact]
    public void TheProductHasTextsToCheck() => Assert.True(BaseNames().Count >= 8);
}
